package fr.ameli.compte.application;

import fr.ameli.compte.domain.AccountRepository;
import fr.ameli.compte.domain.AuditEvent;
import fr.ameli.compte.domain.InsuredPerson;
import fr.ameli.compte.domain.InsuredPersonRepository;
import fr.ameli.compte.domain.ThrottleCounter.Kind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

/**
 * Wizard steps 1 and 2: is this person in the register, and can they prove it? Both answers
 * come from the register only; nothing the browser says is taken on trust, and the
 * registration checks both again before it creates anything.
 *
 * <p>Guessing is slowed down: step 1 is capped per client address and minute, and 5 failed
 * proofs for a NIR lock its step 2 for 15 minutes.
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
     * Step 1: the person of the register with that NIR, name, birth date and postal code. An
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

    /** Step 2: the claim is identified and the tails match the register's IBAN and Vitale serial. */
    public ProofCheck prove(IdentityClaim claim, IdentityProof proof) {
        String subject = pseudonyms.of(claim.nir());
        Optional<Instant> locked = throttling.lockedUntil(Kind.PROOF, subject);
        if (locked.isPresent()) {
            return ProofCheck.locked(locked.get());
        }
        boolean proven = findIdentified(claim)
                .map(person -> person.isProvenBy(proof.ibanTail(), proof.vitaleSerialTail()))
                .orElse(false);
        if (proven) {
            throttling.success(Kind.PROOF, subject);
            return ProofCheck.PROVEN;
        }
        audit.record(AuditEvent.Type.PROOF_FAILURE, claim.nir());
        Optional<Instant> lock = throttling.failure(Kind.PROOF, subject);
        if (lock.isPresent()) {
            audit.record(AuditEvent.Type.PROOF_LOCKED, claim.nir());
            return ProofCheck.locked(lock.get());
        }
        return ProofCheck.NOT_PROVEN;
    }

    /** The register's person matching the claim, if any. */
    public Optional<InsuredPerson> findIdentified(IdentityClaim claim) {
        return register.find(claim.nir())
                .filter(p -> p.isIdentifiedBy(claim.name(), claim.birthDate().value(), claim.postalCode()));
    }
}
