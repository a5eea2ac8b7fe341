package fr.ameli.compte.web;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the service's mails brought to a test SMTP server (GreenMail), as a person reads them. */
final class Mailbox {

    private static final Pattern LINK_LINE = Pattern.compile("^(https?://\\S+)$", Pattern.MULTILINE);

    private final GreenMail smtp;

    Mailbox(GreenMail smtp) {
        this.smtp = smtp;
    }

    /** The first mail to this address (waiting up to 20 s for it). */
    MimeMessage firstTo(String recipient) throws Exception {
        return firstTo(recipient, Duration.ofSeconds(20));
    }

    /** The first mail to this address, waiting up to {@code within} for it. */
    MimeMessage firstTo(String recipient, Duration within) throws Exception {
        return await(recipient, null, within, "no mail to " + recipient);
    }

    /** Every mail received so far to this address, in the order received. */
    List<MimeMessage> allTo(String recipient) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> isTo(m, recipient)).toList();
    }

    /** The first mail to this address with this subject (waiting up to 20 s for it). */
    MimeMessage firstTo(String recipient, String subject) throws Exception {
        return await(recipient, subject, Duration.ofSeconds(20), "no mail « " + subject + " » to " + recipient);
    }

    /** Waits up to 20 s until {@code count} mails with this subject have reached this address. */
    void awaitCount(String recipient, String subject, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        long seen = 0;
        while (System.currentTimeMillis() < deadline) {
            seen = allTo(recipient).stream().filter(m -> subject.equals(subjectOf(m))).count();
            if (seen >= count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(seen + " mails « " + subject + " » to " + recipient + ", not " + count);
    }

    /** The plain-text part of a mail. */
    static String text(MimeMessage message) throws Exception {
        return fr.ameli.compte.MailText.of(message);
    }

    /** The link that stands on a line of its own in a mail's text. */
    static String linkOnItsOwnLine(String text) {
        Matcher line = LINK_LINE.matcher(text.replace("\r\n", "\n"));
        assertTrue(line.find(), "the link on a line of its own:\n" + text);
        return line.group(1);
    }

    /** The first mail to this address, with this subject unless it is null. */
    private MimeMessage await(String recipient, String subject, Duration within, String failure) throws Exception {
        long deadline = System.currentTimeMillis() + within.toMillis();
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : allTo(recipient)) {
                if (subject == null || subject.equals(message.getSubject())) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(failure);
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
