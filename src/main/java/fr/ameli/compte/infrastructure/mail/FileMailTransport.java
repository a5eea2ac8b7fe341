package fr.ameli.compte.infrastructure.mail;

import fr.ameli.compte.application.MailMessage;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Session;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * {@code ameli.mail.mode=file} (the default, for a laptop or a demo): each mail becomes an
 * {@code .eml} file under {@code <data dir>/mails}, which any mail program opens, and its links
 * are written to the log so that a person can follow them at once.
 */
@ApplicationScoped
class FileMailTransport implements MailTransport {

    private static final Logger LOG = Logger.getLogger(FileMailTransport.class.getName());

    @Inject
    AmeliConfig config;

    @Override
    public void send(long mailId, MailMessage mail) throws Exception {
        Path folder = config.dataDir().resolve("mails");
        Files.createDirectories(folder);
        Path file = folder.resolve(String.format("%08d.eml", mailId));
        Path partial = folder.resolve(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            MimeMessages.build(Session.getInstance(new Properties()), config.mailFrom(), mail).writeTo(out);
        }
        // Whole or absent: a reader never sees half a mail.
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        String links = mail.text().lines().filter(line -> line.startsWith("http")).reduce((a, b) -> a + " " + b).orElse("");
        LOG.info(() -> "Mail « " + mail.subject() + " » to " + mail.recipient() + " written to " + file
                + (links.isEmpty() ? "" : "; link: " + links));
    }
}
