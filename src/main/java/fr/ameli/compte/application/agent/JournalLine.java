package fr.ameli.compte.application.agent;

import fr.ameli.compte.domain.security.AuditEvent;

import java.io.Serializable;
import java.time.Instant;

/** One line of the « Journal des actions »: who did what for whose pseudonym, why, and when. */
public record JournalLine(Instant at, String agent, AuditEvent.Type type, String nirPseudonym, String reason) implements Serializable {
}
