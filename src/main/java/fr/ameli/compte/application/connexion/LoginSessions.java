package fr.ameli.compte.application.connexion;

import fr.ameli.compte.domain.account.LoginSessionRepository;
import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.shared.ClientOrigin;
import fr.ameli.compte.application.shared.Contention;
import fr.ameli.compte.application.security.SecretTokens;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.account.LoginSession;
import fr.ameli.compte.domain.person.Nir;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The logins of an account and the sessions they opened (PRODUCT §2.11 « Mes dernières
 * connexions »), kept in the database so that every server of a cluster sees the same: the HTTP
 * session holds a random key; each request of a logged-in session asks {@link #stillOpen}, so a
 * session ended here — « Me déconnecter de tous les appareils », a new code personnel — is logged
 * out at its next request, wherever it arrives. The session store is replicated; this check does
 * not depend on it.
 */
@Stateless
public class LoginSessions {

    @Inject
    AccountRepository accounts;
    @Inject
    LoginSessionRepository loginSessionRepository;
    @Inject
    ClientOrigin origin;
    @Inject
    AuditTrail audit;
    @Inject
    RememberedBrowsers rememberedBrowsers;
    @Inject
    Clock clock;
    @Resource
    SessionContext context;

    /**
     * A login just made for the active account of {@code nir}: the key its session keeps; empty
     * without such an account. Its row is written in a transaction of its own, made again when the
     * database rolls it back for contention ({@link Contention}: the benchmark met it once in 441
     * logins on embedded Derby, and the person got the error page).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<String> opened(Nir nir, LoginSession.Method method) {
        LoginSessions transactional = context.getBusinessObject(LoginSessions.class);
        return Contention.madeAgainIfRolledBack("A login session", () -> transactional.open(nir, method));
    }

    /** The writes of {@link #opened}, in one transaction (a business method only so that the container gives it one). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<String> open(Nir nir, LoginSession.Method method) {
        Optional<Account> account = accounts.findActive(nir);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        String key = SecretTokens.newToken();
        loginSessionRepository.addLoginSession(new LoginSession(account.get().id(), SecretTokens.hash(key), method,
                BrowserNames.of(origin.userAgent()), clock.instant()));
        return Optional.of(key);
    }

    /** Whether the session holding {@code key} is still logged in (its last request is noted, at most once a minute). */
    public boolean stillOpen(String key) {
        return key != null && loginSessionRepository.findLoginSession(SecretTokens.hash(key)).map(s -> s.seen(clock.instant())).orElse(false);
    }

    /** « Me déconnecter »: this session ends. */
    public void ended(String key) {
        if (key != null) {
            loginSessionRepository.findLoginSession(SecretTokens.hash(key)).ifPresent(s -> s.end(clock.instant()));
        }
    }

    /** Every session of the account but the one holding {@code keptKey} (null: all) is logged out at its next request. */
    public int endOthers(Account account, String keptKey) {
        return loginSessionRepository.endLoginSessions(account.id(), keptKey == null ? null : SecretTokens.hash(keptKey), clock.instant());
    }

    /**
     * « Me déconnecter de tous les appareils » (PRODUCT §2.10, §2.11): every session of the account
     * ends, this one too, and every remembered browser gives the security code again.
     */
    public void endEverywhere(Nir nir) {
        accounts.findByNir(nir).ifPresent(account -> {
            endOthers(account, null);
            rememberedBrowsers.forgetAll(account);
            audit.record(AuditEvent.Type.LOGGED_OUT_EVERYWHERE, nir);
        });
    }

    /** What « Mes dernières connexions » shows: the logins kept (10), latest first, and which of them may be open now. */
    public record Listing(List<LoginSession> logins, List<LoginSession> openNow) {
    }

    /** The account's logins; a session is open now when not ended and seen within {@code idle} (the HTTP session's timeout). */
    public Listing of(Nir nir, Duration idle) {
        List<LoginSession> logins = accounts.findByNir(nir).map(a -> loginSessionRepository.loginSessions(a.id())).orElse(List.of());
        return new Listing(logins, logins.stream().filter(s -> s.openAt(clock.instant(), idle)).toList());
    }

    /** Whether {@code login} is the one whose session holds {@code key} (« cet appareil »). */
    public static boolean isThisSession(LoginSession login, String key) {
        return key != null && login.sessionKey().equals(SecretTokens.hash(key));
    }
}
