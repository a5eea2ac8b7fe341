package fr.ameli.compte.application;

import fr.ameli.compte.domain.Account;
import fr.ameli.compte.domain.AccountRepository;
import fr.ameli.compte.domain.CodePolicy;
import fr.ameli.compte.domain.Nir;
import fr.ameli.compte.domain.PersonalData;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import java.time.Instant;
import java.util.Optional;

/**
 * « Modifier mon code personnel » (PRODUCT §2.11): the current code, checked like a login (wrong
 * ones count towards the same lock, so an open session left on a shared computer does not let
 * anyone guess it), then the new one under the rules of §2.5, typed twice, different from the
 * current one. Then {@link CodeChanges}: every other session logged out, every remembered browser
 * forgotten, a mail to the owner.
 */
@Stateless
public class CodeChange {

    public enum Outcome { CHANGED, CURRENT_WRONG, LOCKED, CODE_REJECTED, CODE_NOT_CONFIRMED, SAME_AS_CURRENT }

    /** How it went; {@code lockedUntil} with LOCKED. */
    public record Result(Outcome outcome, Instant lockedUntil) {
    }

    @Inject
    AccountRepository accounts;
    @Inject
    AccountIdentityStore identityStore;
    @Inject
    LoginOutcome loginOutcome;
    @Inject
    CodeHasher codeHasher;
    @Inject
    CodePolicy codePolicy;
    @Inject
    CodeChanges codeChanges;

    /** Whose code it is (for the live check marks of the page). */
    public Optional<PersonalData> personalData(Nir nir) {
        return accounts.findByNir(nir).filter(Account::isActive).flatMap(codeChanges::personalData);
    }

    /** Changes the code of the active account of {@code nir}; the session holding {@code keptSessionKey} stays logged in. */
    public Result change(Nir nir, String current, String code, String confirmation, String keptSessionKey) {
        CredentialValidationResult proven = identityStore.checkCodePersonnel(new UsernamePasswordCredential(nir.digits13(), new Password(current)));
        if (proven.getStatus() != CredentialValidationResult.Status.VALID) {
            return switch (loginOutcome.refusal()) {
                case LOCKED, SLOWED -> new Result(Outcome.LOCKED, loginOutcome.lockedUntil());
                case WRONG_CREDENTIALS, PENDING_ACTIVATION -> new Result(Outcome.CURRENT_WRONG, null);
            };
        }
        Optional<Account> found = accounts.findByNir(nir).filter(Account::isActive);
        if (found.isEmpty()) {
            return new Result(Outcome.CURRENT_WRONG, null);
        }
        Account account = found.get();
        if (code == null || !codePolicy.isSatisfied(code, codeChanges.personalData(account).orElse(null))) {
            return new Result(Outcome.CODE_REJECTED, null);
        }
        if (!codePolicy.confirms(code, confirmation)) {
            return new Result(Outcome.CODE_NOT_CONFIRMED, null);
        }
        if (code.equals(current)) {
            return new Result(Outcome.SAME_AS_CURRENT, null);
        }
        account.changeCode(codeHasher.hash(code));
        codeChanges.changed(account, keptSessionKey);
        return new Result(Outcome.CHANGED, null);
    }
}
