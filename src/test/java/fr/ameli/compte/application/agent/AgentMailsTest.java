package fr.ameli.compte.application.agent;

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

/** The mails the espace agent's actions send (PRODUCT §2.12): they say the caisse acted, never that the person did it online. */
class AgentMailsTest {

    private static final MailTemplates MAILS = new MailTemplates(new MustacheTemplates());

    @Test
    void locks_lifted_says_a_conseiller_did_it_and_what_to_do_if_not_asked_without_a_link() {
        MailMessage mail = MAILS.compose("deblocage", "marie@exemple.fr", Map.of("quand", "1 décembre 2026 à 10h30"));
        assertEquals("Votre accès au compte ameli est débloqué", mail.subject());
        String text = mail.text().replace("\r\n", " ");
        assertAll(text,
                () -> assertTrue(text.contains("Le 1 décembre 2026 à 10h30 (heure de Paris), un conseiller de votre caisse"), "who and when"),
                () -> assertTrue(text.contains("Si vous n'avez rien demandé à votre caisse, appelez-la au 36 46"), "what to do if not asked"),
                () -> assertTrue(mail.html().contains("un conseiller de votre caisse d'Assurance Maladie a débloqué"), "the HTML part says the same"));
        assertNoLink(mail);
    }

    @Test
    void an_account_closed_by_the_caisse_does_not_say_the_person_closed_it() {
        MailMessage byAgent = MAILS.compose("compte-cloture", "marie@exemple.fr", Map.of("quand", "1 décembre 2026 à 10h30", "conseiller", true));
        MailMessage byOwner = MAILS.compose("compte-cloture", "marie@exemple.fr", Map.of("quand", "1 décembre 2026 à 10h30", "conseiller", false));
        for (String part : List.of(byAgent.text().replace("\r\n", " "), byAgent.html())) {
            assertTrue(part.contains("clôturé le 1 décembre 2026 à 10h30 (heure de Paris), par un conseiller de votre caisse d'Assurance Maladie."), part);
            assertFalse(part.contains("à votre demande, depuis votre"), part);
        }
        for (String part : List.of(byOwner.text().replace("\r\n", " "), byOwner.html())) {
            assertTrue(part.contains("(heure de Paris), à votre demande, depuis votre espace."), part);
            assertFalse(part.contains("conseiller"), part);
        }
        assertNoLink(byAgent);
    }

    @Test
    void the_new_address_given_at_the_counter_is_told_a_conseiller_gave_it_and_gets_the_only_link() {
        URI link = MailedLink.EMAIL_CHANGE.link(URI.create("https://compte.ameli.fr/"), "abc");
        Instant expiresAt = Instant.parse("2026-11-29T09:30:00Z");
        MailMessage byAgent = MailedLink.EMAIL_CHANGE.compose(MAILS, "marie@exemple.fr", link, Duration.ofHours(24), expiresAt, java.util.Map.of("conseiller", true));
        MailMessage byOwner = MailedLink.EMAIL_CHANGE.compose(MAILS, "marie@exemple.fr", link, Duration.ofHours(24), expiresAt);
        for (String part : List.of(byAgent.text().replace("\r\n", " "), byAgent.html())) {
            assertTrue(part.contains("À votre demande, un conseiller de votre caisse d'Assurance Maladie a indiqué cette adresse pour votre compte ameli."), part);
            assertFalse(part.contains("Vous avez demandé"), part);
        }
        assertTrue(byOwner.text().contains("Vous avez demandé que cette adresse devienne celle de votre compte ameli."), byOwner.text());
        assertFalse(byOwner.text().contains("conseiller"), byOwner.text());
        MailTemplatesTest.assertOnlyLink(link, byAgent);
    }

    private static void assertNoLink(MailMessage mail) {
        for (String part : List.of(mail.text(), mail.html())) {
            assertFalse(part.contains("http") || part.contains("href"), part);
        }
    }
}
