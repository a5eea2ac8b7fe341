package fr.ameli.compte.application.agent;

import java.io.Serializable;
import java.time.Instant;

/** The account's state: none, pending since its creation, or active since its activation. */
public record AccountState(Status status, Instant since, String email) implements Serializable {
    public enum Status { NONE, PENDING, ACTIVE }
}
