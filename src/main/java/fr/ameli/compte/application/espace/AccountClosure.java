package fr.ameli.compte.application.espace;

import fr.ameli.compte.application.connexion.AccountIdentityStore;
import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.shared.Contention;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.application.connexion.LoginLocks;
import fr.ameli.compte.application.mail.MailOutbox;
import fr.ameli.compte.application.mail.MailTemplates;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.person.Nir;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * « Clôturer mon compte » (PRODUCT §2.11, §5): after the current code personnel (checked like a
 * login, so wrong ones count towards the same lock), the account and its personal data are removed
 * in one transaction — links, codes, mails, remembered browsers, logins; the audit trail, which
 * holds only pseudonyms, stays —, a mail « Votre compte ameli est clôturé » leaves through the
 * outbox, and the NIR is free for a new account. Every session of the account is logged out at its
 * next request (its login row is gone).
 */
@Stateless
public class AccountClosure {

    public enum Outcome { CLOSED, CURRENT_WRONG, LOCKED }

    /** How it went; {@code lockedUntil} with LOCKED. */
    public record Result(Outcome outcome, Instant lockedUntil) {
    }

    @Inject
    AccountRepository accounts;
    @Inject
    AccountIdentityStore identityStore;
    @Inject
    LoginLocks loginLocks;
    @Inject
    MailTemplates mails;
    @Inject
    MailOutbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /**
     * Closes the active account of {@code nir} once {@code current} is its code personnel. The code is
     * checked outside any transaction (its hash holds no database connection); the closure is then
     * one short transaction ({@link #closeChecked}).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Result close(Nir nir, String current) {
        AccountIdentityStore.CurrentCode proven = identityStore.checkCurrentCode(nir, current);
        if (proven.account().isEmpty()) {
            return proven.lockedUntil() != null ? new Result(Outcome.LOCKED, proven.lockedUntil()) : new Result(Outcome.CURRENT_WRONG, null);
        }
        AccountClosure transactional = context.getBusinessObject(AccountClosure.class);
        String checked = proven.account().get().codeHash();
        // Rolled back whole by contention now and then (embedded Derby: the expiry sweep's table locks): made again.
        return Contention.madeAgainIfRolledBack("An account closure", () -> transactional.closeChecked(nir, checked));
    }

    /**
     * Closes the account if it still has the code that was checked ({@code checkedHash}). Called by
     * {@link #close} only (a business method so that the container gives it its transaction).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result closeChecked(Nir nir, String checkedHash) {
        Optional<Account> account = accounts.findActive(nir).filter(a -> a.codeHash().equals(checkedHash));
        if (account.isEmpty()) {
            return new Result(Outcome.CURRENT_WRONG, null);
        }
        remove(account.get(), false);
        audit.record(AuditEvent.Type.ACCOUNT_CLOSED, nir);
        return new Result(Outcome.CLOSED, null);
    }

    /**
     * What a closure does once decided, by the owner ({@link #close}) or by a superviseur of the
     * caisse ({@code byAgent}, PRODUCT §2.12): the account and its data go, its locks are forgotten,
     * and « Votre compte ameli est clôturé » leaves for the address it had, saying who closed it.
     * The caller records its audit event.
     */
    public void remove(Account account, boolean byAgent) {
        String email = account.contact().email().value();
        accounts.remove(account);
        loginLocks.forget(account.nir());
        // Sent to the address the account had; the mail row names no account (there is none any more).
        outbox.enqueue(mails.compose("compte-cloture", email, Map.of("quand", FrenchTime.when(clock.instant()), "conseiller", byAgent)), null);
    }
}
