package fr.ameli.compte.application.security;

import fr.ameli.compte.application.mail.MailMessage;
import fr.ameli.compte.application.mail.MailTemplates;
import fr.ameli.compte.infrastructure.templates.MustacheTemplates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The passkeys' mails (PRODUCT §2.11): which key, when, what to do if it was not the person — plain
 * French in both parts, never a link (ameli never asks anything by link).
 */
class PasskeyMailsTest {

    private static final MailTemplates MAILS = new MailTemplates(new MustacheTemplates());
    private static final String WHEN = "6 décembre 2026 à 10h30";

    static Stream<Arguments> mails() {
        return Stream.of(
                Arguments.of("cle-acces-ajoutee", Map.of("quand", WHEN, "cle", "Chrome sous Android"),
                        "Une clé d'accès a été ajoutée à votre compte ameli",
                        "une clé d'accès a été créée pour votre compte ameli sur l'appareil « Chrome sous Android »"),
                Arguments.of("cle-acces-supprimee", Map.of("quand", WHEN, "cle", "Safari sous iOS", "toutes", false, "conseiller", false),
                        "Une clé d'accès a été supprimée de votre compte ameli",
                        "la clé d'accès « Safari sous iOS » de votre compte ameli a été supprimée. On ne peut plus"),
                Arguments.of("cle-acces-supprimee", Map.of("quand", WHEN, "cle", "", "toutes", true, "conseiller", true),
                        "Une clé d'accès a été supprimée de votre compte ameli",
                        "toutes les clés d'accès de votre compte ameli ont été supprimées par un conseiller de votre caisse d'Assurance Maladie."),
                Arguments.of("cle-acces-refusee", Map.of("quand", WHEN, "cle", "Chrome sous Android"),
                        "Une clé d'accès de votre compte ameli a été refusée",
                        "avec la clé d'accès « Chrome sous Android » a été refusée : cette clé semble avoir été copiée"));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("mails")
    void each_says_which_key_when_and_what_to_do_without_a_link(String template, Map<String, Object> values, String subject, String says) {
        MailMessage mail = MAILS.compose(template, "marie@exemple.fr", values);
        String text = mail.text().replace("\r\n", " ").replace("\n", " ");
        assertAll(text,
                () -> assertEquals(subject, mail.subject()),
                () -> assertTrue(text.contains("Le " + WHEN + " (heure de Paris)"), "when"),
                () -> assertTrue(text.contains(says), "which key, what happened"),
                () -> assertTrue(mail.html().contains(says.replace("'", "&#39;")) || mail.html().contains(says), "the HTML part says the same"),
                () -> assertFalse(text.contains("http") || mail.html().contains("href"), "no link"));
    }
}
