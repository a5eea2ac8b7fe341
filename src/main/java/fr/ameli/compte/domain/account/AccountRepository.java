package fr.ameli.compte.domain.account;

import fr.ameli.compte.domain.person.Nir;
import java.time.Instant;
import java.util.Optional;

/** The accounts and their activation tokens. */
public interface AccountRepository {

    Optional<Account> findByNir(Nir nir);

    /**
     * Adds the account and its token. Throws {@link AccountAlreadyExistsException} when the NIR
     * already has an account (the database's unique constraint decides, so that two concurrent
     * registrations cannot both succeed).
     */
    void add(Account account, ActivationToken token);

    Optional<ActivationToken> findToken(String tokenHash);

    /**
     * A single-use secret (a mailed link's token, a security code, a provisional code) read in order to
     * spend it: locked until the transaction ends. The one way every such secret is read before it is
     * used, so that of two uses at the same instant the second waits for the first and finds it spent.
     */
    <T> Optional<T> findToSpend(Class<T> secretType, Object id);

    /** The NIR's provisional codes, newest first. */
    java.util.List<ProvisionalCode> provisionalCodes(Nir nir);

    /**
     * Removes, set-based, the provisional codes that no longer matter at {@code now}: expired unused
     * (spent ones included), used by a login longer than {@link ProvisionalCode#REGISTRATION_WINDOW}
     * ago, or consumed by an account's creation. Returns how many (their rows hold a NIR in clear).
     */
    int forgetUselessProvisionalCodes(Instant now);

    /** A new provisional code; the NIR's older ones stop working, but one an account was already created with. */
    void replaceProvisionalCode(ProvisionalCode code);

    /** A new « Code oublié ? » link; the account's other unused ones stop working. */
    void replaceResetToken(CodeResetToken token);

    /** The account's security code becomes this one (an older one stops working). */
    void replaceSecurityCode(SecurityCode code);

    Optional<CodeResetToken> findResetToken(String tokenHash);

    /** A browser the person said was theirs (« Cet appareil m'appartient »). */
    void addRememberedBrowser(RememberedBrowser browser);

    /** The remembered browser whose token has this hash. */
    Optional<RememberedBrowser> findRememberedBrowser(String tokenHash);

    /** The account's remembered browsers, the latest first. */
    java.util.List<RememberedBrowser> rememberedBrowsers(long accountId);

    /** Forgets every remembered browser of the account (a new code personnel); returns how many. */
    int forgetRememberedBrowsers(long accountId);

    /**
     * Removes the account and everything of it (PRODUCT §2.11, §5: closure): its links, codes,
     * mails, remembered browsers, logins, the NIR's provisional codes. The audit trail, which holds
     * only pseudonyms, stays. The NIR is then free for a new account.
     */
    void remove(Account account);

    /** A new login; only the account's {@link LoginSession#KEPT} latest are kept. */
    void addLoginSession(LoginSession login);

    /** The login whose session key has this hash. */
    Optional<LoginSession> findLoginSession(String sessionKeyHash);

    /** The account's logins kept, the latest first. */
    java.util.List<LoginSession> loginSessions(long accountId);

    /** Ends every session of the account but the one whose key has {@code keptKeyHash} (null: all); returns how many. */
    int endLoginSessions(long accountId, String keptKeyHash, Instant now);

    /** Forgets the mails sent for no account (« Votre compte ameli est clôturé »): their address is the last trace of the person. */
    int forgetSentMailsWithoutAccount();

    /** Forgets the remembered browsers whose 30 days are over; returns how many. */
    int forgetExpiredBrowsers(Instant now);

    /** The account's unused links that confirm a new email address stop working (a new request replaces them). */
    void cancelEmailChanges(Account account);

    /** A link that confirms a new email address. */
    void addEmailChange(EmailChangeToken token);

    /** The confirmation link of a new email address (to spend it: {@link #findToSpend}). */
    Optional<EmailChangeToken> findEmailChange(String tokenHash);

    /** The account's unused links stop working; the new token takes their place. */
    void replaceToken(Account account, ActivationToken token);

    /**
     * Removes, set-based, every pending account whose last link was sent before {@code cutoff} with its tokens and
     * its mails not yet sent. Of each token only its hash and expiry stay, until {@code linksKeptUntil}, so that the
     * link says « expiré » rather than « inconnu ». Returns how many accounts were removed.
     */
    int removeExpiredPending(Instant cutoff, Instant linksKeptUntil);

    /** Whether the token is the link of a pending account the expiry timer removed (and still remembers). */
    boolean isExpiredLink(String tokenHash);

    /** Forgets, set-based, the links of removed accounts kept until before {@code now}. Returns how many. */
    int forgetExpiredLinks(Instant now);
}
