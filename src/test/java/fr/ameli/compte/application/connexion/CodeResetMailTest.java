package fr.ameli.compte.application.connexion;

import fr.ameli.compte.application.mail.MailedLink;
import fr.ameli.compte.application.mail.MailMessage;
import fr.ameli.compte.application.mail.MailTemplates;
import fr.ameli.compte.application.mail.MailTemplatesTest;
import fr.ameli.compte.infrastructure.templates.MustacheTemplates;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The « Code oublié ? » mail's words and link, as its templates render them. */
class CodeResetMailTest {

    private static final URI LINK = MailedLink.CODE_RESET.link(URI.create("https://compte.ameli.fr/"), "abc");
    private static final MailMessage MAIL = MailedLink.CODE_RESET.compose(new MailTemplates(new MustacheTemplates()),
            "toto@example.fr", LINK, Duration.ofMinutes(30), Instant.parse("2026-11-29T09:30:00Z"));

    @Test
    void the_link_is_absolute() {
        assertEquals("https://compte.ameli.fr/nouveau-code.xhtml?jeton=abc", LINK.toString());
        assertEquals("Choisissez un nouveau code personnel ameli", MAIL.subject());
    }

    @Test
    void the_text_part_has_the_link_on_a_line_of_its_own_and_its_validity() {
        assertEquals("""
                Bonjour,

                Vous avez indiqué avoir oublié votre code personnel ameli.
                Pour en choisir un nouveau, ouvrez le lien ci-dessous dans votre navigateur :

                https://compte.ameli.fr/nouveau-code.xhtml?jeton=abc

                Ce lien est valable 30 minutes, jusqu'au 29 novembre 2026 à 10h30 (heure de Paris), et ne sert qu'une fois.
                Tant que vous n'avez pas choisi de nouveau code, l'ancien reste valable.

                Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre code ne change pas.

                L'Assurance Maladie
                Ce message est envoyé automatiquement, merci de ne pas y répondre.
                """.replace("\n", "\r\n"), MAIL.text());
    }

    @Test
    void the_html_part_has_the_same_words() {
        assertEquals("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\">"
                + "<title>Choisissez un nouveau code personnel ameli</title></head>"
                + "<body style=\"font-family:Arial,sans-serif;font-size:16px;color:#1a1a1a\">"
                + "<p>Bonjour,</p><p>Vous avez indiqué avoir oublié votre code personnel ameli.</p>"
                + "<p><a href=\"https://compte.ameli.fr/nouveau-code.xhtml?jeton&#61;abc\">Choisir un nouveau code personnel</a></p>"
                + "<p>Si le lien ne fonctionne pas, copiez cette adresse dans votre navigateur :<br>https://compte.ameli.fr/nouveau-code.xhtml?jeton&#61;abc</p>"
                + "<p>Ce lien est valable 30 minutes, jusqu'au 29 novembre 2026 à 10h30 (heure de Paris), et ne sert qu'une fois.</p>"
                + "<p>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre code ne change pas.</p>"
                + "<p>L'Assurance Maladie</p></body></html>", MAIL.html().replace("\n", ""));
    }

    @Test
    void no_other_link_than_the_new_code_link() {
        MailTemplatesTest.assertOnlyLink(LINK, MAIL);
    }
}
