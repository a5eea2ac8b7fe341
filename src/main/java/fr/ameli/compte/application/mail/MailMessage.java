package fr.ameli.compte.application.mail;

import java.util.Objects;

/**
 * A mail to send: plain text always, HTML as an alternative when given; and, when it carries a
 * secret (a link, a security code), until when that works ({@code worksUntil}): what keeps a copy
 * of the mail (the file mode's {@code .eml} files) keeps it no longer.
 */
public record MailMessage(String recipient, String subject, String text, String html, java.time.Instant worksUntil) {

    public MailMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }

    /** A mail that carries no secret. */
    public MailMessage(String recipient, String subject, String text, String html) {
        this(recipient, subject, text, html, null);
    }

    /** The same mail, whose link or code works until {@code moment}. */
    public MailMessage carryingUntil(java.time.Instant moment) {
        return new MailMessage(recipient, subject, text, html, moment);
    }
}
