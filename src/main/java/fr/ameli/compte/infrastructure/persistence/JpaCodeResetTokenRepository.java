package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.account.CodeResetToken;
import fr.ameli.compte.domain.account.CodeResetTokenRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** {@link CodeResetTokenRepository} in the database (JPA). */
@ApplicationScoped
public class JpaCodeResetTokenRepository implements CodeResetTokenRepository {

    @PersistenceContext(unitName = "ameli")
    EntityManager em;

    @Override
    public void replaceResetToken(CodeResetToken token) {
        em.createQuery("delete from CodeResetToken t where t.account = :account and t.usedAt is null")
                .setParameter("account", token.account()).executeUpdate();
        em.persist(token);
    }

    @Override
    public Optional<CodeResetToken> findResetToken(String tokenHash) {
        return Optional.ofNullable(em.find(CodeResetToken.class, tokenHash));
    }
}
