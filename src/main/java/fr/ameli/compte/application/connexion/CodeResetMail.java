package fr.ameli.compte.application.connexion;

import fr.ameli.compte.application.mail.MailMessage;
import fr.ameli.compte.application.mail.MailTemplates;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * The « Code oublié ? » mail ({@code mails/nouveau-code.txt} and {@code .html}): the link on a
 * line of its own and how long it works.
 */
public final class CodeResetMail {

    static final String PATH = "nouveau-code.xhtml?jeton=";
    static final String TEMPLATE = "nouveau-code";

    private CodeResetMail() {
    }

    public static URI link(URI baseUrl, String token) {
        return baseUrl.resolve(PATH + token);
    }

    public static MailMessage compose(MailTemplates mails, String recipient, URI link, Duration validity, Instant expiresAt) {
        return mails.compose(TEMPLATE, recipient, MailTemplates.singleUseLink(link, validity, expiresAt)).carryingUntil(expiresAt);
    }
}
