package fr.ameli.compte.infrastructure.register;

import fr.ameli.compte.domain.InsuredPerson;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Writes one batch of register rows in its own transaction, so that a large extract commits as it
 * goes and a failure loses at most one batch. A known NIR is updated in place (idempotent loads).
 */
@Stateless
public class RegisterWriter {

    /** Counts of one batch. */
    public record BatchResult(int inserted, int updated, int unchanged) {
    }

    @PersistenceContext(unitName = "ameli")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public BatchResult write(List<InsuredPerson> batch) {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        for (InsuredPerson person : batch) {
            InsuredPerson known = em.find(InsuredPerson.class, person.nir().fullForm());
            if (known == null) {
                em.persist(person);
                inserted++;
            } else if (known.updateFrom(person)) {
                updated++;
            } else {
                unchanged++;
            }
        }
        return new BatchResult(inserted, updated, unchanged);
    }
}
