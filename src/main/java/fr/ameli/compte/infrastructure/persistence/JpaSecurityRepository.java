package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.security.SecurityRepository;
import fr.ameli.compte.domain.security.ThrottleCounter;
import fr.ameli.compte.infrastructure.health.ServiceMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.List;
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
    public int removeIdleCounters(ThrottleCounter.Kind kind, Instant idleSince, Instant now) {
        return em.createQuery("delete from ThrottleCounter c where c.id like :prefix escape '!' and c.updatedAt < :idleSince"
                        + " and (c.lockedUntil is null or c.lockedUntil < :now)")
                .setParameter("prefix", likePrefix(ThrottleCounter.id(kind, ""))).setParameter("idleSince", idleSince)
                .setParameter("now", now).executeUpdate();
    }

    @Override
    public void removeCounters(String idPrefix) {
        em.createQuery("delete from ThrottleCounter c where c.id like :prefix escape '!'")
                .setParameter("prefix", likePrefix(idPrefix)).executeUpdate();
    }

    @Override
    public List<ThrottleCounter> countersStartingWith(String idPrefix) {
        return em.createQuery("select c from ThrottleCounter c where c.id like :prefix escape '!' order by c.id", ThrottleCounter.class)
                .setParameter("prefix", likePrefix(idPrefix)).getResultList();
    }

    private static String likePrefix(String idPrefix) {
        if (!idPrefix.matches("[A-Z_]+:[0-9a-f:]*")) {
            // Ids are a kind and pseudonyms in hexadecimal: only the kind's '_' needs escaping in LIKE.
            throw new IllegalArgumentException("not a counter id prefix: " + idPrefix);
        }
        return idPrefix.replace("_", "!_") + "%";
    }

    @Override
    public List<AuditEvent> eventsOf(String nirHash, int max) {
        return em.createQuery("select e from AuditEvent e where e.nirHash = :hash order by e.occurredAt desc, e.id desc", AuditEvent.class)
                .setParameter("hash", nirHash).setMaxResults(max).getResultList();
    }

    @Override
    public List<String> clientAddressesOf(String nirHash, Instant since) {
        return em.createQuery("select distinct e.clientAddress from AuditEvent e where e.nirHash = :hash and e.occurredAt >= :since"
                        + " and e.clientAddress is not null", String.class)
                .setParameter("hash", nirHash).setParameter("since", since).getResultList();
    }

    @Override
    public List<AuditEvent> agentEvents(Optional<String> agent, Instant from, Instant to, int first, int max) {
        TypedQuery<AuditEvent> query = em.createQuery("select e from AuditEvent e where e.agent is not null"
                        + (agent.isPresent() ? " and e.agent = :agent" : "")
                        + " and e.occurredAt >= :from and e.occurredAt < :to order by e.occurredAt desc, e.id desc", AuditEvent.class)
                .setParameter("from", from).setParameter("to", to).setFirstResult(first).setMaxResults(max);
        agent.ifPresent(subject -> query.setParameter("agent", subject));
        return query.getResultList();
    }

    @Override
    public void addAgentSession(fr.ameli.compte.domain.agent.AgentSession session) {
        em.persist(session);
    }

    @Override
    public Optional<fr.ameli.compte.domain.agent.AgentSession> findAgentSession(String sessionKeyHash) {
        return em.createQuery("select s from AgentSession s where s.sessionKey = :key", fr.ameli.compte.domain.agent.AgentSession.class)
                .setParameter("key", sessionKeyHash).getResultStream().findFirst();
    }

    @Override
    public int endAgentSessions(Optional<String> sessionKeyHash, Optional<String> agent, Instant now) {
        jakarta.persistence.Query update = em.createQuery("update AgentSession s set s.endedAt = :now where s.endedAt is null"
                + (sessionKeyHash.isPresent() ? " and s.sessionKey = :key" : "") + (agent.isPresent() ? " and s.agent = :agent" : ""))
                .setParameter("now", now);
        sessionKeyHash.ifPresent(key -> update.setParameter("key", key));
        agent.ifPresent(subject -> update.setParameter("agent", subject));
        return update.executeUpdate();
    }

    @Override
    public void record(AuditEvent event) {
        em.persist(event);
        metrics.event(event.event(), 1);
    }
}
