package fr.ameli.compte.application.creation;

import fr.ameli.compte.application.mail.MailMessage;
import fr.ameli.compte.application.mail.MailTemplates;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * The activation mail ({@code mails/activation.txt} and {@code .html}): the absolute link on a
 * line of its own in the text part (mail programs make it clickable, and a person can copy it),
 * a button in the HTML part, and how long the link stays valid.
 */
public final class ActivationMail {

    static final String PATH = "activation.xhtml?jeton=";
    static final String TEMPLATE = "activation";

    private ActivationMail() {
    }

    public static URI link(URI baseUrl, String token) {
        return baseUrl.resolve(PATH + token);
    }

    public static MailMessage compose(MailTemplates mails, String recipient, URI link, Duration validity, Instant expiresAt) {
        return mails.compose(TEMPLATE, recipient, MailTemplates.singleUseLink(link, validity, expiresAt)).carryingUntil(expiresAt);
    }
}
