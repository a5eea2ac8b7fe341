package fr.ameli.compte.application.espace;

import fr.ameli.compte.application.mail.MailedLink;
import fr.ameli.compte.application.mail.MailMessage;
import fr.ameli.compte.application.mail.MailTemplates;
import fr.ameli.compte.application.mail.MailTemplatesTest;
import fr.ameli.compte.infrastructure.templates.MustacheTemplates;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mails of « Modifier mon adresse email » (PRODUCT §2.11), as their templates render them. */
class EmailChangeMailTest {

    private static final MailTemplates MAILS = new MailTemplates(new MustacheTemplates());
    private static final URI LINK = MailedLink.EMAIL_CHANGE.link(URI.create("https://compte.ameli.fr/"), "abc");

    @Test
    void the_new_address_gets_the_link_on_a_line_of_its_own_and_no_other() {
        MailMessage mail = MailedLink.EMAIL_CHANGE.compose(MAILS, "marie@exemple.fr", LINK, Duration.ofHours(24),
                Instant.parse("2026-11-29T09:30:00Z"));
        assertEquals("https://compte.ameli.fr/confirmation-email.xhtml?jeton=abc", LINK.toString());
        assertEquals("Confirmez votre nouvelle adresse email ameli", mail.subject());
        assertTrue(mail.text().contains("\r\n\r\nhttps://compte.ameli.fr/confirmation-email.xhtml?jeton=abc\r\n\r\n"), mail.text());
        assertTrue(mail.text().contains("Ce lien est valable 24 heures, jusqu'au 29 novembre 2026 à 10h30 (heure de Paris), et ne sert qu'une fois."),
                mail.text());
        MailTemplatesTest.assertOnlyLink(LINK, mail);
    }

    @Test
    void the_old_address_is_told_of_the_change_and_what_to_do_without_a_link() {
        MailMessage mail = MAILS.compose("email-modifie", "ancienne@exemple.fr",
                Map.of("quand", "29 novembre 2026 à 10h30", "nouvelle", "m•••@exemple.fr"));
        assertEquals("Votre adresse email a été modifiée", mail.subject());
        String text = mail.text().replace("\r\n", " ");
        assertAll(text,
                () -> assertTrue(text.contains("a été modifiée le 29 novembre 2026 à 10h30 (heure de Paris)"), "when"),
                () -> assertTrue(text.contains("La nouvelle adresse est m•••@exemple.fr."), "the new address, masked"),
                () -> assertTrue(text.contains("Si ce n'est pas vous, contactez dès maintenant votre caisse"), "what to do if it was not them"));
        assertNoLink(mail);
    }

    private static void assertNoLink(MailMessage mail) {
        for (String part : List.of(mail.text(), mail.html())) {
            assertFalse(part.contains("http") || part.contains("href"), part);
        }
    }
}
