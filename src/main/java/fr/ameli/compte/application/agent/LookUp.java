package fr.ameli.compte.application.agent;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/** A look-up: the file, or none when the NIR is not in the register; or slowed until a time after a burst. */
public record LookUp(Optional<PersonFile> file, Instant slowedUntil) implements Serializable {
}
