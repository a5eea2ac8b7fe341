package fr.ameli.compte.domain.account;

import fr.ameli.compte.domain.person.Nir;
import java.time.Instant;
import java.util.Optional;

/** The accounts and their activation tokens. */
public interface AccountRepository {

    Optional<Account> findByNir(Nir nir);

    /** The account of that id (a passkey names its account so). */
    Optional<Account> findById(long id);

    /** The NIR's account when it is active (what a login, « Mon espace » and its mails need). */
    default Optional<Account> findActive(Nir nir) {
        return findByNir(nir).filter(Account::isActive);
    }

    /**
     * Adds the account and its token. Throws {@link AccountAlreadyExistsException} when the NIR
     * already has an account (the database's unique constraint decides, so that two concurrent
     * registrations cannot both succeed).
     */
    void add(Account account, ActivationToken token);

    /**
     * A single-use secret (a mailed link's token, a security code, a provisional code) read in order to
     * spend it: locked until the transaction ends. The one way every such secret is read before it is
     * used, so that of two uses at the same instant the second waits for the first and finds it spent.
     */
    <T> Optional<T> findToSpend(Class<T> secretType, Object id);

    /**
     * Removes the account and everything of it (PRODUCT §2.11, §5: closure): its links, codes,
     * mails, remembered browsers, logins, the NIR's provisional codes. The audit trail, which holds
     * only pseudonyms, stays. The NIR is then free for a new account.
     */
    void remove(Account account);

    /** Forgets the mails sent for no account (« Votre compte ameli est clôturé »): their address is the last trace of the person. */
    int forgetSentMailsWithoutAccount();

    /**
     * Removes, set-based, every pending account whose last link was sent before {@code cutoff} with its tokens and
     * its mails not yet sent. Of each token only its hash and expiry stay, until {@code linksKeptUntil}, so that the
     * link says « expiré » rather than « inconnu ». Returns how many accounts were removed.
     */
    int removeExpiredPending(Instant cutoff, Instant linksKeptUntil);
}
