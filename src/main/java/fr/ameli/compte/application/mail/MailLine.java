package fr.ameli.compte.application.mail;

import java.io.Serializable;
import java.time.Instant;

/** A mail of the outbox to the person: its subject and state, never its body (no link, no code). */
public record MailLine(Instant queuedAt, String subject, State state) implements Serializable {
    public enum State { SENT, WAITING, FAILED }
}
