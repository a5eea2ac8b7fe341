package fr.ameli.compte.infrastructure.register;

import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.person.InsuredPerson;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Writes one batch of register rows in its own transaction, so that a large extract commits as it
 * goes and a failure loses at most one batch. A known NIR is updated in place (idempotent loads).
 * An agent's upload (PRODUCT §2.12) audits each person it adds or changes, with what changed — the
 * fields' names, never their values, and never more than « the IBAN's tail » or « the serial's tail ».
 */
@Stateless
public class RegisterWriter {

    /** Counts of one batch. */
    public record BatchResult(int inserted, int updated, int unchanged) {
    }

    /** How a changed field is named in the audit trail (its value never is). */
    private static final java.util.Map<InsuredPerson.Field, String> FIELD_NAMES = java.util.Map.of(
            InsuredPerson.Field.FAMILY_NAME, "nom", InsuredPerson.Field.GIVEN_NAMES, "prénoms",
            InsuredPerson.Field.BIRTH_DATE, "date de naissance", InsuredPerson.Field.POSTAL_CODE, "code postal",
            InsuredPerson.Field.CITY, "commune", InsuredPerson.Field.ADDRESS, "adresse",
            InsuredPerson.Field.IBAN_TAIL, "fin de l'IBAN", InsuredPerson.Field.VITALE_TAIL, "fin du n° de série Vitale");

    @PersistenceContext(unitName = "ameli")
    EntityManager em;
    @jakarta.inject.Inject
    fr.ameli.compte.application.security.AuditTrail audit;

    /** Writes the batch; {@code uploadedBy} (null at start-up) is the agent whose upload it is, named in each person's audit event. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public BatchResult write(List<InsuredPerson> batch, String source, fr.ameli.compte.domain.agent.Agent uploadedBy) {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        for (InsuredPerson person : batch) {
            InsuredPerson known = em.find(InsuredPerson.class, person.nir().fullForm());
            if (known == null) {
                em.persist(person);
                inserted++;
                audited(uploadedBy, AuditEvent.Type.AGENT_REGISTER_PERSON_ADDED, person, source, "ajout");
                continue;
            }
            List<InsuredPerson.Field> changed = known.updateFrom(person);
            if (changed.isEmpty()) {
                unchanged++;
            } else {
                updated++;
                audited(uploadedBy, AuditEvent.Type.AGENT_REGISTER_PERSON_CHANGED, person, source,
                        "modifié : " + String.join(", ", changed.stream().map(FIELD_NAMES::get).toList()));
            }
        }
        return new BatchResult(inserted, updated, unchanged);
    }

    private void audited(fr.ameli.compte.domain.agent.Agent uploadedBy, AuditEvent.Type type, InsuredPerson person, String source, String what) {
        if (uploadedBy == null) {
            return;
        }
        String reason = "Fichier « " + source + " » : " + what;
        audit.recordForAgent(type, person.nir(), uploadedBy,
                new fr.ameli.compte.domain.agent.AgentReason(reason.length() <= fr.ameli.compte.domain.agent.AgentReason.MAX
                        ? reason : reason.substring(0, fr.ameli.compte.domain.agent.AgentReason.MAX)));
    }
}
