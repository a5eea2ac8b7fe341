package fr.ameli.compte.infrastructure.mail;

import fr.ameli.compte.application.mail.MailMessage;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ameli.mail.mode=file} (the demo's default, for a laptop): each mail becomes an {@code .eml}
 * file under {@code <data dir>/mails}, which any mail program opens; the log says which file, never
 * the link or the code it holds (a log is read by more people and kept longer than a mailbox). A
 * mail that carries a link or a code is named after the moment that stops working
 * ({@code 00000042-perime-1796550000.eml}) and its file is deleted once that moment has passed
 * ({@link #forgetSpent}): no file keeps a secret longer than it matters.
 */
@ApplicationScoped
class FileMailTransport implements MailTransport {

    private static final Logger LOG = Logger.getLogger(FileMailTransport.class.getName());
    /** The name of a mail file whose secret stops working at the epoch second it names. */
    private static final Pattern SPENT_AT = Pattern.compile("\\d+-perime-(\\d+)\\.eml");

    @Inject
    AmeliConfig config;

    @Override
    public void send(long mailId, MailMessage mail) throws Exception {
        Path folder = folder();
        Files.createDirectories(folder);
        Path file = folder.resolve(mail.worksUntil() == null ? String.format("%08d.eml", mailId)
                : String.format("%08d-perime-%d.eml", mailId, mail.worksUntil().getEpochSecond()));
        Path partial = folder.resolve(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            MimeMessages.build(Session.getInstance(new Properties()), config.mailFrom(), mail).writeTo(out);
        }
        // Whole or absent: a reader never sees half a mail.
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        LOG.info(() -> "Mail « " + mail.subject() + " » to " + mail.recipient() + " written to file " + file);
    }

    /** Deletes the mail files whose link or code stopped working before {@code now}; returns how many. */
    int forgetSpent(Instant now) {
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher spent = SPENT_AT.matcher(file.getFileName().toString());
                if (spent.matches() && Long.parseLong(spent.group(1)) < now.getEpochSecond() && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Mail files whose link has expired could not all be deleted from " + folder + "; the next sweep retries", e);
        }
        return deleted;
    }

    private Path folder() {
        return config.dataDir().resolve("mails");
    }
}
