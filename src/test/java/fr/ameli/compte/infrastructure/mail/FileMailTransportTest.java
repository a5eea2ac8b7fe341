package fr.ameli.compte.infrastructure.mail;

import fr.ameli.compte.application.mail.MailMessage;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The file mode (the demo's): the log says which file holds a mail, never its link; a mail's file
 * goes once the link or code it carries no longer works, and a mail without a secret stays.
 */
class FileMailTransportTest {

    @TempDir
    Path dataDir;

    private FileMailTransport transport() {
        FileMailTransport transport = new FileMailTransport();
        transport.config = new AmeliConfig() {
            @Override
            public Path dataDir() {
                return dataDir;
            }

            @Override
            public String mailFrom() {
                return "ne-pas-repondre@ameli.test";
            }
        };
        return transport;
    }

    private List<String> files() throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("mails"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void the_log_names_the_file_but_never_the_link_it_holds() throws Exception {
        List<String> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(FileMailTransport.class.getName());
        logger.addHandler(handler);
        try {
            transport().send(7, new MailMessage("marie@example.fr", "Activez votre compte ameli",
                    "Bonjour,\nhttp://localhost:8080/activation.xhtml?jeton=" + "a".repeat(43) + "\n", null).carryingUntil(Instant.now().plusSeconds(3600)));
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(1, logged.size(), logged.toString());
        assertTrue(logged.get(0).contains("written to file " + dataDir.resolve("mails")), logged.get(0));
        assertFalse(logged.get(0).contains("jeton") || logged.get(0).contains("http"), logged.get(0));
    }

    @Test
    void a_mail_s_file_goes_once_its_link_no_longer_works_and_one_without_a_secret_stays() throws Exception {
        FileMailTransport transport = transport();
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        transport.send(1, new MailMessage("a@example.fr", "Lien", "http://x", null).carryingUntil(now.minusSeconds(1)));
        transport.send(2, new MailMessage("a@example.fr", "Lien", "http://x", null).carryingUntil(now.plusSeconds(600)));
        transport.send(3, new MailMessage("a@example.fr", "Avis", "Votre code a été modifié.", null));
        assertEquals(3, files().size(), files().toString());
        assertEquals(1, transport.forgetSpent(now));
        assertEquals(List.of("00000002-perime-" + now.plusSeconds(600).getEpochSecond() + ".eml", "00000003.eml"), files());
        assertEquals(1, transport.forgetSpent(now.plusSeconds(601)));
        assertEquals(List.of("00000003.eml"), files(), "a mail that carries no secret is kept");
    }
}
