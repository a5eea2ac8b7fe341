package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.account.RememberedBrowser;
import fr.ameli.compte.domain.account.RememberedBrowserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link RememberedBrowserRepository} in the database (JPA). */
@ApplicationScoped
public class JpaRememberedBrowserRepository implements RememberedBrowserRepository {

    @PersistenceContext(unitName = "ameli")
    EntityManager em;

    @Override
    public void addRememberedBrowser(RememberedBrowser browser) {
        em.persist(browser);
    }

    @Override
    public Optional<RememberedBrowser> findRememberedBrowser(String tokenHash) {
        return em.createQuery("select b from RememberedBrowser b where b.tokenHash = :hash", RememberedBrowser.class)
                .setParameter("hash", tokenHash).getResultStream().findFirst();
    }

    @Override
    public List<RememberedBrowser> rememberedBrowsers(long accountId) {
        return em.createQuery("select b from RememberedBrowser b where b.accountId = :account order by b.rememberedAt desc, b.id desc",
                RememberedBrowser.class).setParameter("account", accountId).getResultList();
    }

    @Override
    public int forgetRememberedBrowsers(long accountId) {
        return em.createQuery("delete from RememberedBrowser b where b.accountId = :account")
                .setParameter("account", accountId).executeUpdate();
    }

    @Override
    public int forgetExpiredBrowsers(Instant now) {
        return em.createQuery("delete from RememberedBrowser b where b.expiresAt < :now").setParameter("now", now).executeUpdate();
    }
}
