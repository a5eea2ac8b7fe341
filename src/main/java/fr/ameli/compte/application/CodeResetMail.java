package fr.ameli.compte.application;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** The « Code oublié ? » mail, in French: the link on a line of its own and how long it works. */
public final class CodeResetMail {

    static final String PATH = "nouveau-code.xhtml?jeton=";
    static final String SUBJECT = "Choisissez un nouveau code personnel ameli";

    private CodeResetMail() {
    }

    public static URI link(URI baseUrl, String token) {
        return baseUrl.resolve(PATH + token);
    }

    public static MailMessage compose(String recipient, URI link, Duration validity, Instant expiresAt) {
        String during = ActivationMail.describe(validity);
        String until = ActivationMail.when(expiresAt);
        String text = String.join("\r\n",
                "Bonjour,",
                "",
                "Vous avez indiqué avoir oublié votre code personnel ameli.",
                "Pour en choisir un nouveau, ouvrez le lien ci-dessous dans votre navigateur :",
                "",
                link.toString(),
                "",
                "Ce lien est valable " + during + ", jusqu'au " + until + " (heure de Paris), et ne sert qu'une fois.",
                "Tant que vous n'avez pas choisi de nouveau code, l'ancien reste valable.",
                "",
                "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre code ne change pas.",
                "",
                "L'Assurance Maladie",
                "Ce message est envoyé automatiquement, merci de ne pas y répondre.",
                "");
        String html = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\"><title>" + SUBJECT + "</title></head>"
                + "<body style=\"font-family:Arial,sans-serif;font-size:16px;color:#1a1a1a\">"
                + "<p>Bonjour,</p><p>Vous avez indiqué avoir oublié votre code personnel ameli.</p>"
                + "<p><a href=\"" + link + "\">Choisir un nouveau code personnel</a></p>"
                + "<p>Si le lien ne fonctionne pas, copiez cette adresse dans votre navigateur :<br>" + link + "</p>"
                + "<p>Ce lien est valable " + during + ", jusqu'au " + until + " (heure de Paris), et ne sert qu'une fois.</p>"
                + "<p>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre code ne change pas.</p>"
                + "<p>L'Assurance Maladie</p></body></html>";
        return new MailMessage(recipient, SUBJECT, text, html);
    }
}
