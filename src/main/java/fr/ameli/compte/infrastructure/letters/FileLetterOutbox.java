package fr.ameli.compte.infrastructure.letters;

import fr.ameli.compte.application.creation.Letter;
import fr.ameli.compte.application.creation.LetterOutbox;
import fr.ameli.compte.application.mail.Templates;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The letters' outbox for the operators' print run: each letter, once its transaction has
 * committed, becomes a PDF file under {@code <data dir>/courriers/a-imprimer/} and a line of
 * {@code <data dir>/courriers/a-imprimer.csv} (date, file, postal code, town — never the code).
 * Operators print the files, then move them out of the folder.
 */
@ApplicationScoped
public class FileLetterOutbox implements LetterOutbox {

    private static final Logger LOG = Logger.getLogger(FileLetterOutbox.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.of("Europe/Paris"));
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A rendered letter waiting for its transaction's commit. */
    record LetterReady(byte[] pdf, String postalCode, String city, Instant at) {
    }

    @Inject
    AmeliConfig config;
    @Inject
    Event<LetterReady> ready;
    @Inject
    Clock clock;
    @Inject
    Templates templates;

    @Override
    public void enqueue(Letter letter) {
        Instant now = clock.instant();
        ready.fire(new LetterReady(PdfLetters.render(templates, letter, now), letter.postalCode(), letter.city(), now));
    }

    /** The folder operators print from. */
    public Path folder() {
        return config.dataDir().resolve("courriers").resolve("a-imprimer");
    }

    public Path listing() {
        return config.dataDir().resolve("courriers").resolve("a-imprimer.csv");
    }

    /**
     * A value of the register as a cell of the listing the operators open in a spreadsheet: a value
     * that begins with {@code = + - @}, a tab or a carriage return would run as a formula there (OWASP
     * « CSV injection »), so it is prefixed with {@code '} and read as text; separators and line ends
     * of the value become spaces. Empty for none.
     */
    static String spreadsheetSafe(String value) {
        if (value == null) {
            return "";
        }
        String flat = value.replace(';', ' ').replace('\n', ' ').replace('\r', ' ');
        return !flat.isEmpty() && "=+-@\t".indexOf(flat.charAt(0)) >= 0 || value.startsWith("\r") ? "'" + flat : flat;
    }

    synchronized void write(@Observes(during = TransactionPhase.AFTER_SUCCESS) LetterReady letter) {
        try {
            Path folder = folder();
            Files.createDirectories(folder);
            byte[] suffix = new byte[3];
            RANDOM.nextBytes(suffix);
            String name = STAMP.format(letter.at()) + "-" + HexFormat.of().formatHex(suffix) + ".pdf";
            Path partial = folder.resolve(name + ".part");
            Files.write(partial, letter.pdf());
            Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            Path listing = listing();
            if (!Files.exists(listing)) {
                Files.writeString(listing, "date;fichier;code_postal;commune\n", StandardCharsets.UTF_8);
            }
            Files.writeString(listing, STAMP.format(letter.at()) + ";a-imprimer/" + name + ";" + spreadsheetSafe(letter.postalCode()) + ";"
                    + spreadsheetSafe(letter.city()) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            LOG.info(() -> "Provisional-code letter for " + letter.postalCode() + " written to " + folder.resolve(name));
        } catch (IOException e) {
            // After the commit nothing can be undone: the operators must know, to post the letter by hand.
            LOG.log(Level.SEVERE, "A provisional-code letter for " + letter.postalCode() + " could not be written for the print run", e);
        }
    }
}
