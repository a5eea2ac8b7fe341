package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.application.SecretKeys;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The service's secrets, created at the first start and kept in the database, so that every
 * server (and every restart) uses the same keys: pseudonyms stay comparable over time.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class DatabaseSecretKeys implements SecretKeys {

    private static final String PSEUDONYM_KEY = "pseudonym-key";

    @PersistenceContext(unitName = "ameli")
    EntityManager em;

    private byte[] pseudonymKey;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void load() {
        List<?> found = em.createNativeQuery("SELECT secret FROM service_secret WHERE name = ?1")
                .setParameter(1, PSEUDONYM_KEY).getResultList();
        if (found.isEmpty()) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            em.createNativeQuery("INSERT INTO service_secret (name, secret) VALUES (?1, ?2)")
                    .setParameter(1, PSEUDONYM_KEY)
                    .setParameter(2, Base64.getEncoder().encodeToString(key))
                    .executeUpdate();
            pseudonymKey = key;
        } else {
            pseudonymKey = Base64.getDecoder().decode(found.get(0).toString().strip());
        }
    }

    @Override
    @Lock(LockType.READ)
    public byte[] pseudonymKey() {
        return pseudonymKey.clone();
    }
}
