package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.account.LoginSession;
import fr.ameli.compte.domain.account.LoginSessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link LoginSessionRepository} in the database (JPA). */
@ApplicationScoped
public class JpaLoginSessionRepository implements LoginSessionRepository {

    @PersistenceContext(unitName = "ameli")
    EntityManager em;

    @Override
    public void addLoginSession(LoginSession login) {
        em.persist(login);
        em.flush();
        List<Long> older = em.createQuery("select s.id from LoginSession s where s.accountId = :account order by s.id desc", Long.class)
                .setParameter("account", login.accountId()).setFirstResult(LoginSession.KEPT).setMaxResults(1).getResultList();
        if (!older.isEmpty()) {
            em.createQuery("delete from LoginSession s where s.accountId = :account and s.id <= :oldest")
                    .setParameter("account", login.accountId()).setParameter("oldest", older.get(0)).executeUpdate();
        }
    }

    @Override
    public Optional<LoginSession> findLoginSession(String sessionKeyHash) {
        return em.createQuery("select s from LoginSession s where s.sessionKey = :key", LoginSession.class)
                .setParameter("key", sessionKeyHash).getResultStream().findFirst();
    }

    @Override
    public List<LoginSession> loginSessions(long accountId) {
        return em.createQuery("select s from LoginSession s where s.accountId = :account order by s.id desc", LoginSession.class)
                .setParameter("account", accountId).getResultList();
    }

    @Override
    public int endLoginSessions(long accountId, String keptKeyHash, Instant now) {
        return em.createQuery("update LoginSession s set s.endedAt = :now where s.accountId = :account and s.endedAt is null"
                        + " and s.sessionKey <> :kept")
                .setParameter("now", now).setParameter("account", accountId)
                .setParameter("kept", keptKeyHash == null ? "" : keptKeyHash).executeUpdate();
    }
}
