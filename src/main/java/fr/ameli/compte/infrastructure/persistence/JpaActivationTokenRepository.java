package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.ActivationToken;
import fr.ameli.compte.domain.account.ActivationTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** {@link ActivationTokenRepository} in the database (JPA). */
@ApplicationScoped
public class JpaActivationTokenRepository implements ActivationTokenRepository {

    @PersistenceContext(unitName = "ameli")
    EntityManager em;

    @Override
    public Optional<ActivationToken> findToken(String tokenHash) {
        return Optional.ofNullable(em.find(ActivationToken.class, tokenHash));
    }

    @Override
    public void replaceToken(Account account, ActivationToken token) {
        em.createQuery("delete from ActivationToken t where t.account = :account and t.usedAt is null")
                .setParameter("account", account).executeUpdate();
        em.persist(token);
    }

    @Override
    public boolean isExpiredLink(String tokenHash) {
        return !em.createNativeQuery("SELECT 1 FROM expired_activation_link WHERE token_hash = ?1")
                .setParameter(1, tokenHash).getResultList().isEmpty();
    }

    @Override
    public int forgetExpiredLinks(Instant now) {
        return em.createNativeQuery("DELETE FROM expired_activation_link WHERE kept_until < ?1")
                .setParameter(1, Timestamp.from(now)).executeUpdate();
    }
}
