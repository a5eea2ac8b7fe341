package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.person.InsuredPerson;
import fr.ameli.compte.domain.person.InsuredPersonRepository;
import fr.ameli.compte.domain.person.Nir;
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
    public java.util.List<InsuredPerson> findByBirthDateAndNirPrefix(java.time.LocalDate birthDate, String nirPrefix) {
        if (!nirPrefix.matches("[0-9AB]{1,15}")) {
            throw new IllegalArgumentException("not the start of a NIR: " + nirPrefix);
        }
        // The primary key's index serves the prefix; the birth date narrows it further. Never cut short.
        return em.createQuery("select p from InsuredPerson p where p.nir like :prefix and p.birthDate = :day", InsuredPerson.class)
                .setParameter("prefix", nirPrefix + "%").setParameter("day", birthDate).getResultList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(p) from InsuredPerson p", Long.class).getSingleResult();
    }
}
