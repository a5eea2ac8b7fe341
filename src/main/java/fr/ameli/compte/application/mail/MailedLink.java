package fr.ameli.compte.application.mail;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The single-use links we send by mail (PRODUCT §2.8), each with its page and its mail: the absolute
 * link on a line of its own in the text part (mail programs make it clickable, and a person can copy
 * it), a button in the HTML part, how long it works. The page acts only on a POST from it.
 */
public enum MailedLink {
    /** The account's activation ({@code mails/activation}). */
    ACTIVATION("activation.xhtml", "activation"),
    /** « Code oublié ? » ({@code mails/nouveau-code}). */
    CODE_RESET("nouveau-code.xhtml", "nouveau-code"),
    /** A new email address to confirm, sent to that address ({@code mails/email-a-confirmer}, PRODUCT §2.11). */
    EMAIL_CHANGE("confirmation-email.xhtml", "email-a-confirmer");

    /** The query parameter that carries the link's secret (a 43-character token). */
    public static final String TOKEN = "jeton";

    private final String page;
    private final String template;

    MailedLink(String page, String template) {
        this.page = page;
        this.template = template;
    }

    public URI link(URI baseUrl, String token) {
        return baseUrl.resolve(page + "?" + TOKEN + "=" + token);
    }

    /** The mail that carries {@code link}, valid {@code validity}, until {@code expiresAt}; the outbox keeps its file no longer. */
    public MailMessage compose(MailTemplates mails, String recipient, URI link, Duration validity, Instant expiresAt) {
        return compose(mails, recipient, link, validity, expiresAt, Map.of());
    }

    /** The same, with the template's own values too (the email change's « conseiller », PRODUCT §2.12). */
    public MailMessage compose(MailTemplates mails, String recipient, URI link, Duration validity, Instant expiresAt,
                               Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>(MailTemplates.singleUseLink(link, validity, expiresAt));
        all.putAll(values);
        return mails.compose(template, recipient, all).carryingUntil(expiresAt);
    }
}
