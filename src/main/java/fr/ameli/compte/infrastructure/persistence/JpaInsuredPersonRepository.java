package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.InsuredPerson;
import fr.ameli.compte.domain.InsuredPersonRepository;
import fr.ameli.compte.domain.Nir;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Optional;

/** The register in the database: one primary-key lookup per identification. */
@ApplicationScoped
public class JpaInsuredPersonRepository implements InsuredPersonRepository {

    @PersistenceContext(unitName = "ameli")
    EntityManager em;

    @Override
    public Optional<InsuredPerson> find(Nir nir) {
        return Optional.ofNullable(em.find(InsuredPerson.class, nir.fullForm()));
    }

    @Override
    public java.util.List<InsuredPerson> findByBirthDate(java.time.LocalDate birthDate) {
        return em.createQuery("select p from InsuredPerson p where p.birthDate = :day", InsuredPerson.class)
                .setParameter("day", birthDate).setMaxResults(200).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(p) from InsuredPerson p", Long.class).getSingleResult();
    }
}
