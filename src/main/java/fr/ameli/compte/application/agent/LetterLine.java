package fr.ameli.compte.application.agent;

import java.io.Serializable;
import java.time.Instant;

/** A letter printed for the person (a provisional code), when and to which postal code. */
public record LetterLine(Instant at, String kind, String postalCode, Instant expiresAt) implements Serializable {
}
