package fr.ameli.compte.application.creation;

import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.shared.ClientOrigin;
import fr.ameli.compte.application.security.Pseudonyms;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.application.security.Throttled;
import fr.ameli.compte.application.security.Throttling;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.person.InsuredPerson;
import fr.ameli.compte.domain.person.InsuredPersonRepository;
import fr.ameli.compte.domain.person.PersonalData;
import fr.ameli.compte.domain.security.ThrottleCounter.Kind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * The wizard's identity and verification steps: is this person in the register, and can they prove it? Both answers
 * come from the register only; nothing the browser says is taken on trust, and the
 * registration checks both again before it creates anything.
 *
 * <p>Guessing is slowed down: the identity step is capped per client address and minute, and 5 failed
 * proofs for a NIR lock its verification step for 15 minutes.
 */
@Stateless
public class IdentityVerification {

    @Inject
    InsuredPersonRepository register;
    @Inject
    AccountRepository accounts;
    @Inject
    Throttling throttling;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    ClientOrigin origin;
    @Inject
    AuditTrail audit;
    @Inject
    ServiceSettings settings;

    /**
     * The identity step: the person of the register with that NIR, name, birth date and postal code. An
     * unknown NIR and a wrong field get the same answer, by the same path (one register look-up).
     */
    public IdentityCheck identify(IdentityClaim claim) {
        if (origin.address() != null && throttling.attempt(Kind.IDENTITY_ADDRESS, pseudonyms.ofAddress(origin.address()),
                settings.identityAttemptsPerMinute()).isPresent()) {
            audit.record(AuditEvent.Type.IDENTITY_RATE_LIMITED, null);
            return IdentityCheck.TOO_MANY_ATTEMPTS;
        }
        if (findIdentified(claim).isEmpty()) {
            return IdentityCheck.NOT_IDENTIFIED;
        }
        return accounts.findByNir(claim.nir())
                .map(account -> account.isActive() ? IdentityCheck.ACCOUNT_ACTIVE : IdentityCheck.ACCOUNT_PENDING)
                .orElse(IdentityCheck.IDENTIFIED);
    }

    /** The verification step: the claim is identified and the tails match the register's IBAN and Vitale serial. */
    public ProofCheck prove(IdentityClaim claim, IdentityProof proof) {
        Throttled<InsuredPerson> proven = throttling.guard(Kind.PROOF, claim.nir(), () -> findIdentified(claim)
                .filter(person -> person.isProvenBy(pseudonyms.proofOf(proof.ibanTail(), proof.vitaleSerialTail()))));
        if (proven.passed()) {
            return ProofCheck.PROVEN;
        }
        return proven.lockedUntil().map(ProofCheck::locked).orElse(ProofCheck.NOT_PROVEN);
    }

    /**
     * Whose code it is, once identified: the register's NIR, birth date and names, which the code
     * rules 5 and 6 need (PRODUCT §2.5). Empty when the register no longer holds the claim.
     */
    public Optional<PersonalData> personalData(IdentityClaim claim) {
        return findIdentified(claim).map(InsuredPerson::personalData);
    }

    /** The register's person matching the claim, if any. */
    public Optional<InsuredPerson> findIdentified(IdentityClaim claim) {
        return register.find(claim.nir())
                .filter(p -> p.isIdentifiedBy(claim.name(), claim.birthDate().value(), claim.postalCode()));
    }
}
