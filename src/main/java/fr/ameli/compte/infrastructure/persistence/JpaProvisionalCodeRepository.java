package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.account.ProvisionalCode;
import fr.ameli.compte.domain.account.ProvisionalCodeRepository;
import fr.ameli.compte.domain.person.Nir;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** {@link ProvisionalCodeRepository} in the database (JPA). */
@ApplicationScoped
public class JpaProvisionalCodeRepository implements ProvisionalCodeRepository {

    @PersistenceContext(unitName = "ameli")
    EntityManager em;

    @Override
    public List<ProvisionalCode> provisionalCodes(Nir nir) {
        return em.createQuery("select p from ProvisionalCode p where p.nir = :nir order by p.createdAt desc", ProvisionalCode.class)
                .setParameter("nir", nir.fullForm()).getResultList();
    }

    @Override
    public int forgetUselessProvisionalCodes(Instant now) {
        return em.createQuery("delete from ProvisionalCode p where (p.usedAt is null and p.expiresAt < :now)"
                        + " or (p.usedAt is not null and p.usedAt < :registrationCut) or p.registeredAt is not null")
                .setParameter("now", now).setParameter("registrationCut", now.minus(ProvisionalCode.REGISTRATION_WINDOW))
                .executeUpdate();
    }

    @Override
    public void replaceProvisionalCode(ProvisionalCode code) {
        em.createQuery("delete from ProvisionalCode p where p.nir = :nir and p.registeredAt is null")
                .setParameter("nir", code.nir().fullForm()).executeUpdate();
        em.persist(code);
    }
}
