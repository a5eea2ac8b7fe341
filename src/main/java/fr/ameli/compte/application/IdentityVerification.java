package fr.ameli.compte.application;

import fr.ameli.compte.domain.AccountRepository;
import fr.ameli.compte.domain.InsuredPerson;
import fr.ameli.compte.domain.InsuredPersonRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Wizard steps 1 and 2: is this person in the register, and can they prove it? Both answers
 * come from the register only; nothing the browser says is taken on trust, and the
 * registration checks both again before it creates anything.
 */
@Stateless
public class IdentityVerification {

    @Inject
    InsuredPersonRepository register;
    @Inject
    AccountRepository accounts;

    /** Step 1: the person of the register with that NIR, name, birth date and postal code. */
    public IdentityCheck identify(IdentityClaim claim) {
        if (findIdentified(claim).isEmpty()) {
            return IdentityCheck.NOT_IDENTIFIED;
        }
        return accounts.findByNir(claim.nir())
                .map(account -> account.isActive() ? IdentityCheck.ACCOUNT_ACTIVE : IdentityCheck.ACCOUNT_PENDING)
                .orElse(IdentityCheck.IDENTIFIED);
    }

    /** Step 2: the claim is identified and the tails match the register's IBAN and Vitale serial. */
    public boolean prove(IdentityClaim claim, IdentityProof proof) {
        return findIdentified(claim)
                .map(person -> person.isProvenBy(proof.ibanTail(), proof.vitaleSerialTail()))
                .orElse(false);
    }

    /** The register's person matching the claim, if any. */
    public Optional<InsuredPerson> findIdentified(IdentityClaim claim) {
        return register.find(claim.nir())
                .filter(p -> p.isIdentifiedBy(claim.name(), claim.birthDate().value(), claim.postalCode()));
    }
}
