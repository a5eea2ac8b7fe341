package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.application.shared.JobLeases;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Job leases as rows of {@code job_lease}, taken with one conditional UPDATE (atomic on every
 * database): the owner renews its own lease, anyone takes an expired one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DatabaseJobLeases implements JobLeases {

    /** This server, as lease owner: its process name and a random part (unique per start). */
    static final String NODE = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    @PersistenceContext(unitName = "ameli")
    EntityManager em;
    @Inject
    Clock clock;

    @Override
    public boolean acquire(String job, Duration duration) {
        Instant now = clock.instant();
        return em.createNativeQuery("UPDATE job_lease SET owner = ?1, expires_at = ?2 WHERE name = ?3 AND (owner = ?1 OR expires_at < ?4)")
                .setParameter(1, NODE)
                .setParameter(2, Timestamp.from(now.plus(duration)))
                .setParameter(3, job)
                .setParameter(4, Timestamp.from(now))
                .executeUpdate() == 1;
    }

    @Override
    public void release(String job) {
        em.createNativeQuery("UPDATE job_lease SET expires_at = ?1 WHERE name = ?2 AND owner = ?3")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, job)
                .setParameter(3, NODE)
                .executeUpdate();
    }
}
