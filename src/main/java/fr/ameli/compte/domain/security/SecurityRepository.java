package fr.ameli.compte.domain.security;

import fr.ameli.compte.domain.agent.AgentSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Throttling counters and the audit trail. */
public interface SecurityRepository {

    /** The counter as it is now (no lock). */
    Optional<ThrottleCounter> findCounter(String id);

    /** The counter, locked for update until the transaction ends. */
    Optional<ThrottleCounter> findCounterForUpdate(String id);

    void addCounter(ThrottleCounter counter);

    void removeCounter(String id);

    /**
     * Removes, set-based, the counters of this kind left alone since before {@code idleSince} and not
     * locked at {@code now} (they no longer matter: {@link ThrottleCounter#keptIdle}); returns how many.
     */
    int removeIdleCounters(ThrottleCounter.Kind kind, Instant idleSince, Instant now);

    /** Removes every counter whose id starts with {@code idPrefix}. */
    void removeCounters(String idPrefix);

    void record(AuditEvent event);

    /** An agent's login to the espace agent. */
    void addAgentSession(AgentSession session);

    /** The agent's login whose session key has this hash. */
    Optional<AgentSession> findAgentSession(String sessionKeyHash);

    /** Ends, at {@code now}, the open sessions with this key's hash and/or of this agent; returns how many. */
    int endAgentSessions(Optional<String> sessionKeyHash, Optional<String> agent, Instant now);

    /** The counters whose id starts with {@code idPrefix} (a kind and a pseudonym: the locks of a NIR). */
    List<ThrottleCounter> countersStartingWith(String idPrefix);

    /** The latest events of this NIR pseudonym, newest first, at most {@code max}. */
    List<AuditEvent> eventsOf(String nirHash, int max);

    /** The client addresses the events of this NIR pseudonym came from since {@code since} (to name the addresses its locks hold for). */
    List<String> clientAddressesOf(String nirHash, Instant since);

    /** The events that name an agent (all agents, or this one) in {@code [from, to)}, newest first, skipping {@code first}, at most {@code max}. */
    List<AuditEvent> agentEvents(Optional<String> agent, Instant from, Instant to, int first, int max);
}
