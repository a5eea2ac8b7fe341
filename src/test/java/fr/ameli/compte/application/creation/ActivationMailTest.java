package fr.ameli.compte.application.creation;

import fr.ameli.compte.application.mail.MailedLink;
import fr.ameli.compte.application.mail.MailMessage;
import fr.ameli.compte.application.mail.MailTemplates;
import fr.ameli.compte.application.mail.MailTemplatesTest;
import fr.ameli.compte.application.security.SecretTokens;
import fr.ameli.compte.infrastructure.templates.MustacheTemplates;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The activation mail's words and link, as its templates render them, and the tokens behind the link. */
class ActivationMailTest {

    private static final URI LINK = MailedLink.ACTIVATION.link(URI.create("https://compte.ameli.fr/"), "abc");
    private static final MailMessage MAIL = MailedLink.ACTIVATION.compose(new MailTemplates(new MustacheTemplates()),
            "toto@example.fr", LINK, Duration.ofHours(48), Instant.parse("2026-11-29T09:30:00Z"));

    @Test
    void the_link_is_absolute() {
        assertEquals("https://compte.ameli.fr/activation.xhtml?jeton=abc", LINK.toString());
        assertEquals("toto@example.fr", MAIL.recipient());
        assertEquals("Activez votre compte ameli", MAIL.subject());
    }

    @Test
    void the_text_part_has_the_link_on_a_line_of_its_own_and_its_validity() {
        assertEquals("""
                Bonjour,

                Vous avez demandé la création de votre compte ameli.
                Pour l'activer, ouvrez le lien ci-dessous dans votre navigateur, puis cliquez sur « Activer mon compte » :

                https://compte.ameli.fr/activation.xhtml?jeton=abc

                Ce lien est valable 48 heures, jusqu'au 29 novembre 2026 à 10h30 (heure de Paris), et ne sert qu'une fois.
                Passé ce délai, votre demande est effacée : il vous suffira de recommencer la création de votre compte.

                Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun compte ne sera activé.

                L'Assurance Maladie
                Ce message est envoyé automatiquement, merci de ne pas y répondre.
                """.replace("\n", "\r\n"), MAIL.text());
    }

    @Test
    void the_html_part_has_a_button_and_the_same_words() {
        assertEquals("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\"><title>Activez votre compte ameli</title></head>"
                + "<body style=\"font-family:Arial,sans-serif;font-size:16px;color:#1a1a1a\">"
                + "<p>Bonjour,</p>"
                + "<p>Vous avez demandé la création de votre compte ameli. Pour l'activer, ouvrez le lien ci-dessous, puis cliquez sur "
                + "« Activer mon compte » sur la page qui s'affiche.</p>"
                + "<p><a href=\"https://compte.ameli.fr/activation.xhtml?jeton&#61;abc\" style=\"display:inline-block;padding:12px 20px;"
                + "background:#0c419a;color:#ffffff;text-decoration:none;border-radius:4px\">Ouvrir la page d'activation</a></p>"
                + "<p>Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br>https://compte.ameli.fr/activation.xhtml?jeton&#61;abc</p>"
                + "<p>Ce lien est valable 48 heures, jusqu'au 29 novembre 2026 à 10h30 (heure de Paris), et ne sert qu'une fois.</p>"
                + "<p>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : aucun compte ne sera activé.</p>"
                + "<p>L'Assurance Maladie</p></body></html>", MAIL.html().replace("\n", ""));
    }

    @Test
    void no_other_link_than_the_activation_link() {
        MailTemplatesTest.assertOnlyLink(LINK, MAIL);
    }

    @Test
    void tokens_are_random_url_safe_256_bits_and_hashed_with_sha256() {
        String a = SecretTokens.newToken();
        String b = SecretTokens.newToken();
        assertNotEquals(a, b);
        assertTrue(SecretTokens.looksLikeToken(a), a);
        assertEquals(64, SecretTokens.hash(a).length());
        assertEquals(SecretTokens.hash(a), SecretTokens.hash(a));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecretTokens.hash("abc"));
        assertTrue(!SecretTokens.looksLikeToken("abc") && !SecretTokens.looksLikeToken(a + "x") && !SecretTokens.looksLikeToken(null));
    }
}
