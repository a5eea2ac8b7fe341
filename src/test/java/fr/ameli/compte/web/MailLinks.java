package fr.ameli.compte.web;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The links that the service's mails carry, as tests at the HTTP level follow them. */
final class MailLinks {

    private static final Pattern ACTIVATION = Pattern.compile("(activation\\.xhtml\\?jeton=[A-Za-z0-9_-]{43})");
    private static final Pattern NEW_CODE = Pattern.compile("(nouveau-code\\.xhtml\\?jeton=[A-Za-z0-9_-]{43})");

    private MailLinks() {
    }

    /** Opens the activation link of a mail, then clicks « Activer mon compte », as the person does. */
    static FormClient.Page activate(FormClient client, MimeMessage mail) throws Exception {
        return activate(client, activationPath(mail));
    }

    /** Opens an activation link (relative to the base URL), then clicks « Activer mon compte ». */
    static FormClient.Page activate(FormClient client, String path) {
        FormClient.Page page = client.get(path);
        return client.submit(page, "activation", "activation:activer", java.util.Map.of());
    }

    /** The activation link of a mail, relative to the service's base URL. */
    static String activationPath(MimeMessage mail) throws Exception {
        return path(mail, ACTIVATION);
    }

    /** The « Code oublié ? » link of a mail, relative to the service's base URL. */
    static String newCodePath(MimeMessage mail) throws Exception {
        return path(mail, NEW_CODE);
    }

    private static String path(MimeMessage mail, Pattern link) throws Exception {
        String text = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        Matcher m = link.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }
}
