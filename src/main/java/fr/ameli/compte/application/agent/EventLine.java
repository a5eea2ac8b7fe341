package fr.ameli.compte.application.agent;

import fr.ameli.compte.domain.security.AuditEvent;

import java.io.Serializable;
import java.time.Instant;

/** One line of the person's audit trail; {@code agent} is the subject of the agent who acted, or null. */
public record EventLine(Instant at, AuditEvent.Type type, String clientAddress, String agent, String reason) implements Serializable {
}
