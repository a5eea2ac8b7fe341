package fr.ameli.compte.application.espace;

import fr.ameli.compte.application.connexion.AccountIdentityStore;
import fr.ameli.compte.application.connexion.AfterNewCode;
import fr.ameli.compte.application.security.CodeHasher;
import fr.ameli.compte.application.shared.Contention;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.code.CodePolicy;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.person.PersonalData;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    @Resource
    SessionContext context;

    /**
     * Changes the code of the active account of {@code nir}; the session holding {@code keptSessionKey}
     * stays logged in. Both hashes (the current code checked, the new one made) run outside any
     * transaction, as {@code Registration} does: no database connection waits on them; the change is
     * then written in a short transaction of its own ({@link #save}).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
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
        String newHash = codeHasher.hash(code);
        CodeChange transactional = context.getBusinessObject(CodeChange.class);
        // Rolled back whole by contention now and then (embedded Derby: the expiry sweep's table locks): made again.
        return Contention.madeAgainIfRolledBack("A code change", () -> transactional.save(nir, account.codeHash(), newHash, keptSessionKey));
    }

    /**
     * Writes the new code's hash, if the account still has the code that was checked ({@code checkedHash}):
     * else (changed meanwhile from another session) the current code typed is no longer right. Called by
     * {@link #change} only (a business method so that the container gives it its transaction).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result save(Nir nir, String checkedHash, String newHash, String keptSessionKey) {
        Optional<Account> account = accounts.findActive(nir).filter(a -> a.codeHash().equals(checkedHash));
        if (account.isEmpty()) {
            return new Result(Outcome.CURRENT_WRONG, null);
        }
        account.get().changeCode(newHash);
        afterNewCode.changed(account.get(), keptSessionKey);
        return new Result(Outcome.CHANGED, null);
    }
}
