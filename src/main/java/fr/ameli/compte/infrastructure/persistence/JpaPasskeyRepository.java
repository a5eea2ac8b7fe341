package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.account.Passkey;
import fr.ameli.compte.domain.account.PasskeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** {@link PasskeyRepository} in the database (JPA). */
@ApplicationScoped
public class JpaPasskeyRepository implements PasskeyRepository {

    @PersistenceContext(unitName = "ameli")
    EntityManager em;

    @Override
    public void add(Passkey passkey) {
        em.persist(passkey);
        em.flush();
    }

    @Override
    public Optional<Passkey> findToUse(String credentialKey) {
        return em.createQuery("select p from Passkey p where p.credentialKey = :key", Passkey.class)
                .setParameter("key", credentialKey).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    @Override
    public List<Passkey> ofAccount(long accountId) {
        return em.createQuery("select p from Passkey p where p.accountId = :account order by p.createdAt, p.id", Passkey.class)
                .setParameter("account", accountId).getResultList();
    }

    @Override
    public boolean remove(long accountId, long passkeyId) {
        return em.createQuery("delete from Passkey p where p.accountId = :account and p.id = :id")
                .setParameter("account", accountId).setParameter("id", passkeyId).executeUpdate() > 0;
    }

    @Override
    public int removeAll(long accountId) {
        return em.createQuery("delete from Passkey p where p.accountId = :account").setParameter("account", accountId).executeUpdate();
    }
}
