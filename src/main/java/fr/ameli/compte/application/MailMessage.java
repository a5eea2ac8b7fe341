package fr.ameli.compte.application;

import java.util.Objects;

/** A mail to send: plain text always, HTML as an alternative when given. */
public record MailMessage(String recipient, String subject, String text, String html) {

    public MailMessage {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
