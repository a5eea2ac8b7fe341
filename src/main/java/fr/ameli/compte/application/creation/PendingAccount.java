package fr.ameli.compte.application.creation;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/** What the « courriel envoyé » page tells: where the link went and until when it works. */
public record PendingAccount(String email, Duration validity, Instant linkExpiresAt) implements Serializable {
}
