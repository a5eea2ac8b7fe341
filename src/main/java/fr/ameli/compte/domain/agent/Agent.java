package fr.ameli.compte.domain.agent;

import java.io.Serial;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A member of the caisse's staff logged in to the espace agent through the organisation's
 * OpenID Connect provider (PRODUCT §2.12): the token's subject (what the audit trail names), the
 * name shown in the page header, and the roles read from the token. Never one of our accounts.
 */
public record Agent(String subject, String displayName, Set<AgentRole> roles) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The longest subject the audit trail keeps (column {@code audit_event.agent}). */
    public static final int SUBJECT_MAX = 100;

    public Agent {
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank() || subject.length() > SUBJECT_MAX) {
            throw new IllegalArgumentException("an agent's subject has 1 to " + SUBJECT_MAX + " characters");
        }
        displayName = displayName == null || displayName.isBlank() ? subject : displayName.strip();
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** Whether this agent may do {@code action} ({@link AgentAction}'s table). */
    public boolean may(AgentAction action) {
        return action.allowedTo(roles);
    }
}
