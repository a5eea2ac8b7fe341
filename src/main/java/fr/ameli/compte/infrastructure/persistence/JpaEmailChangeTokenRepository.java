package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.EmailChangeToken;
import fr.ameli.compte.domain.account.EmailChangeTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** {@link EmailChangeTokenRepository} in the database (JPA). */
@ApplicationScoped
public class JpaEmailChangeTokenRepository implements EmailChangeTokenRepository {

    @PersistenceContext(unitName = "ameli")
    EntityManager em;

    @Override
    public void cancelEmailChanges(Account account) {
        em.createQuery("delete from EmailChangeToken t where t.account = :account and t.usedAt is null")
                .setParameter("account", account).executeUpdate();
    }

    @Override
    public void addEmailChange(EmailChangeToken token) {
        em.persist(token);
    }

    @Override
    public Optional<EmailChangeToken> findEmailChange(String tokenHash) {
        return Optional.ofNullable(em.find(EmailChangeToken.class, tokenHash));
    }
}
