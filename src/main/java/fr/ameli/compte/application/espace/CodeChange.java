package fr.ameli.compte.application.espace;

import fr.ameli.compte.application.connexion.AccountIdentityStore;
import fr.ameli.compte.application.connexion.AfterNewCode;
import fr.ameli.compte.application.security.CodeHasher;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.code.CodePolicy;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.person.PersonalData;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;

/**
 * « Modifier mon code personnel » (PRODUCT §2.11): the current code, checked like a login (wrong
 * ones count towards the same lock, so an open session left on a shared computer does not let
 * anyone guess it), then the new one under the rules of §2.5, typed twice, different from the
 * current one. Then {@link AfterNewCode}: every other session logged out, every remembered browser
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
    CodeHasher codeHasher;
    @Inject
    CodePolicy codePolicy;
    @Inject
    AfterNewCode afterNewCode;

    /** Whose code it is (for the live check marks of the page). */
    public Optional<PersonalData> personalData(Nir nir) {
        return accounts.findActive(nir).flatMap(afterNewCode::personalData);
    }

    /** Changes the code of the active account of {@code nir}; the session holding {@code keptSessionKey} stays logged in. */
    public Result change(Nir nir, String current, String code, String confirmation, String keptSessionKey) {
        AccountIdentityStore.CurrentCode proven = identityStore.checkCurrentCode(nir, current);
        if (proven.account().isEmpty()) {
            return proven.lockedUntil() != null ? new Result(Outcome.LOCKED, proven.lockedUntil()) : new Result(Outcome.CURRENT_WRONG, null);
        }
        Account account = proven.account().get();
        switch (codePolicy.check(code, confirmation, afterNewCode.personalData(account).orElse(null))) {
            case REJECTED -> { return new Result(Outcome.CODE_REJECTED, null); }
            case NOT_CONFIRMED -> { return new Result(Outcome.CODE_NOT_CONFIRMED, null); }
            case ACCEPTED -> { }
        }
        if (code.equals(current)) {
            return new Result(Outcome.SAME_AS_CURRENT, null);
        }
        account.changeCode(codeHasher.hash(code));
        afterNewCode.changed(account, keptSessionKey);
        return new Result(Outcome.CHANGED, null);
    }
}
