package fr.ameli.compte.application.agent;

import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.security.Pseudonyms;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.application.security.Throttling;
import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentReason;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.security.ThrottleCounter.Kind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

/**
 * How fast one agent may look persons up (PRODUCT §2.12): {@code ameli.agent.look-ups-per-hour}
 * (60) in an hour; past it, one look-up a minute goes through and the others wait, so that a burst
 * of NIRs is slowed rather than the agent locked out at the counter. The first look-up beyond the
 * limit is audited {@code AGENT_LOOKUPS_SLOWED}, once per hour's window, for a superviseur to see.
 * Counted per agent's subject (as a pseudonym) in the shared counters, whichever server answers.
 */
@Stateless
public class AgentLookUps {

    @Inject
    Throttling throttling;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    ServiceSettings settings;
    @Inject
    AuditTrail audit;

    /** Counts this look-up of the agent; empty when it may be answered now, else when the next one will be. */
    public Optional<Instant> slowedUntil(Agent agent, AgentReason reason) {
        String who = pseudonyms.ofAgent(agent.subject());
        int limit = settings.agentLookUpsPerHour();
        int thisHour = throttling.count(Kind.AGENT_LOOK_UP, who);
        if (thisHour <= limit) {
            return Optional.empty();
        }
        if (thisHour == limit + 1) {
            audit.recordForAgent(AuditEvent.Type.AGENT_LOOKUPS_SLOWED, null, agent, reason);
        }
        return throttling.attempt(Kind.AGENT_LOOK_UP_PACE, who, 1);
    }
}
