package fr.ameli.compte.application.espace;

import fr.ameli.compte.application.mail.MailMessage;
import fr.ameli.compte.application.mail.MailTemplates;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The mail « Modifier mon adresse email » sends to the new address (PRODUCT §2.11): the
 * confirmation link ({@code mails/email-a-confirmer}). The notice to the old address once the
 * change is confirmed is a {@link SecurityNotices} mail.
 */
public final class EmailChangeMail {

    static final String PATH = "confirmation-email.xhtml?jeton=";
    static final String TO_CONFIRM = "email-a-confirmer";

    private EmailChangeMail() {
    }

    public static URI link(URI baseUrl, String token) {
        return baseUrl.resolve(PATH + token);
    }

    public static MailMessage toConfirm(MailTemplates mails, String recipient, URI link, Duration validity, Instant expiresAt) {
        return toConfirm(mails, recipient, link, validity, expiresAt, false);
    }

    /** The same; {@code byAgent}, it says that a conseiller of the caisse gave the address (PRODUCT §2.12), not the person online. */
    public static MailMessage toConfirm(MailTemplates mails, String recipient, URI link, Duration validity, Instant expiresAt, boolean byAgent) {
        Map<String, Object> values = new java.util.HashMap<>(MailTemplates.singleUseLink(link, validity, expiresAt));
        values.put("conseiller", byAgent);
        return mails.compose(TO_CONFIRM, recipient, values).carryingUntil(expiresAt);
    }

}
