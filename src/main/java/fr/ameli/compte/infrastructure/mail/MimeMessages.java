package fr.ameli.compte.infrastructure.mail;

import fr.ameli.compte.application.mail.MailMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.UnsupportedEncodingException;
import java.util.Date;

/** Builds the MIME form of a mail, the same for SMTP and for files. */
final class MimeMessages {

    private MimeMessages() {
    }

    static MimeMessage build(Session session, String from, MailMessage mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(new InternetAddress(from, "Assurance Maladie", "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8", e);
        }
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("Content-Language", "fr");
        if (mail.html() == null) {
            message.setText(mail.text(), "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", text, html));
        }
        message.saveChanges();
        return message;
    }
}
