package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.AuditEvent;
import fr.ameli.compte.domain.SecurityRepository;
import fr.ameli.compte.domain.ThrottleCounter;
import fr.ameli.compte.infrastructure.health.ServiceMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** Throttling counters and audit events in the database. */
@ApplicationScoped
public class JpaSecurityRepository implements SecurityRepository {

    @PersistenceContext(unitName = "ameli")
    EntityManager em;
    @Inject
    ServiceMetrics metrics;

    @Override
    public Optional<ThrottleCounter> findCounter(String id) {
        return Optional.ofNullable(em.find(ThrottleCounter.class, id));
    }

    @Override
    public Optional<ThrottleCounter> findCounterForUpdate(String id) {
        return Optional.ofNullable(em.find(ThrottleCounter.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public void addCounter(ThrottleCounter counter) {
        em.persist(counter);
        em.flush();
    }

    @Override
    public void removeCounter(String id) {
        em.createQuery("delete from ThrottleCounter c where c.id = :id").setParameter("id", id).executeUpdate();
    }

    @Override
    public void removeCounters(String idPrefix) {
        if (!idPrefix.matches("[A-Z_]+:[0-9a-f:]*")) {
            // Ids are a kind and pseudonyms in hexadecimal: only the kind's '_' needs escaping in LIKE.
            throw new IllegalArgumentException("not a counter id prefix: " + idPrefix);
        }
        em.createQuery("delete from ThrottleCounter c where c.id like :prefix escape '!'")
                .setParameter("prefix", idPrefix.replace("_", "!_") + "%").executeUpdate();
    }

    @Override
    public void record(AuditEvent event) {
        em.persist(event);
        metrics.event(event.event(), 1);
    }
}
