package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.account.SecurityCode;
import fr.ameli.compte.domain.account.SecurityCodeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** {@link SecurityCodeRepository} in the database (JPA). */
@ApplicationScoped
public class JpaSecurityCodeRepository implements SecurityCodeRepository {

    @PersistenceContext(unitName = "ameli")
    EntityManager em;

    @Override
    public void replaceSecurityCode(SecurityCode code) {
        SecurityCode old = em.find(SecurityCode.class, code.accountId());
        if (old != null) {
            em.remove(old);
            em.flush();
        }
        em.persist(code);
    }
}
