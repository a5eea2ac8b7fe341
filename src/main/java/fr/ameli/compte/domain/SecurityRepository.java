package fr.ameli.compte.domain;

import java.util.Optional;

/** Throttling counters and the audit trail. */
public interface SecurityRepository {

    /** The counter as it is now (no lock). */
    Optional<ThrottleCounter> findCounter(String id);

    /** The counter, locked for update until the transaction ends. */
    Optional<ThrottleCounter> findCounterForUpdate(String id);

    void addCounter(ThrottleCounter counter);

    void removeCounter(String id);

    /** Removes every counter whose id starts with {@code idPrefix}. */
    void removeCounters(String idPrefix);

    void record(AuditEvent event);
}
