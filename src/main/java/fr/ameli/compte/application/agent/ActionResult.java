package fr.ameli.compte.application.agent;

import java.io.Serializable;
import java.util.Optional;

/** How an action went, and the file as it is after it (an action is also a look-up). */
public record ActionResult(ActionOutcome outcome, Optional<PersonFile> file) implements Serializable {
}
