package fr.ameli.compte.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP relay the service sends its mails to during the benchmark (GreenMail on loopback):
 * the journey reads each person's activation link, then the security code of the login, from the
 * mail, as the person would.
 */
final class Mailbox {

    private static final Pattern LINK = Pattern.compile("(https?://\\S*activation\\.xhtml\\?jeton=[A-Za-z0-9_-]{43})");
    private static final Pattern SECURITY_CODE = Pattern.compile("(?m)^(\\d{6})\r?$");
    private static final String SECURITY_CODE_SUBJECT = "Votre code de sécurité ameli";

    private final GreenMail smtp;
    private final Map<String, String> links = new ConcurrentHashMap<>();
    private final Map<String, String> securityCodes = new ConcurrentHashMap<>();
    /**
     * The mails already read, by Message-ID. Not a count: GreenMail lists the received mails
     * grouped by mailbox, so a person's second mail (the security code) appears among the earlier
     * ones, not at the end; counting read mails skipped it (half the logins of a run waited in vain).
     */
    private final java.util.Set<String> read = new java.util.HashSet<>();

    Mailbox(int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    void start() {
        smtp.start();
    }

    void stop() {
        smtp.stop();
    }

    /** The activation link mailed to {@code recipient}, or null if no such mail has come yet. */
    String activationLink(String recipient) {
        String link = links.get(recipient);
        if (link == null) {
            readNewMails();
            link = links.get(recipient);
        }
        return link;
    }

    /** The latest security code mailed to {@code recipient} at login, or null if none has come yet. */
    String securityCode(String recipient) {
        String code = securityCodes.get(recipient);
        if (code == null) {
            readNewMails();
            code = securityCodes.get(recipient);
        }
        return code;
    }

    private synchronized void readNewMails() {
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            try {
                String id = mail.getMessageID() != null ? mail.getMessageID() : "#" + System.identityHashCode(mail);
                if (!read.add(id)) {
                    continue;
                }
                String text = (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
                String recipient = mail.getAllRecipients()[0].toString();
                Matcher m = LINK.matcher(text);
                if (m.find()) {
                    links.put(recipient, m.group(1));
                }
                Matcher code = SECURITY_CODE.matcher(text);
                if (SECURITY_CODE_SUBJECT.equals(mail.getSubject()) && code.find()) {
                    securityCodes.put(recipient, code.group(1));
                }
            } catch (Exception e) {
                throw new IllegalStateException("unreadable mail", e);
            }
        }
    }
}
