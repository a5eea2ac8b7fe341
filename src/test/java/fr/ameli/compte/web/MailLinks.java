package fr.ameli.compte.web;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The links that the service's mails carry, as tests at the HTTP level follow them. */
final class MailLinks {

    private static final Pattern ACTIVATION = Pattern.compile("(activation\\.xhtml\\?jeton=[A-Za-z0-9_-]{43})");

    private MailLinks() {
    }

    /** The activation link of a mail, relative to the service's base URL. */
    static String activationPath(MimeMessage mail) throws Exception {
        String text = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        Matcher m = ACTIVATION.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }
}
