package fr.ameli.compte;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The one way the tests read a mail's text, whichever way it came: caught by the tests' SMTP server,
 * or written as an {@code .eml} file by the file mode. Its first part is the plain text (PRODUCT:
 * every mail has one; the HTML part is the second).
 */
public final class MailText {

    private MailText() {
    }

    /** The plain-text part of a mail. */
    public static String of(MimeMessage message) throws Exception {
        Object content = message.getContent();
        return content instanceof Multipart multipart ? (String) multipart.getBodyPart(0).getContent() : (String) content;
    }

    /** The plain-text part of a mail written as an {@code .eml} file. */
    public static String ofEml(String eml) throws Exception {
        return of(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(eml.getBytes(StandardCharsets.ISO_8859_1))));
    }
}
