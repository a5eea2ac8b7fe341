package fr.ameli.compte.application.connexion;

import fr.ameli.compte.domain.account.RememberedBrowserRepository;
import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.shared.ClientOrigin;
import fr.ameli.compte.application.security.Pseudonyms;
import fr.ameli.compte.application.security.SecretTokens;
import fr.ameli.compte.application.security.SecurityNotices;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.account.RememberedBrowser;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Remembered browsers (PRODUCT §2.10): when the person checks « Cet appareil m'appartient » at the
 * security code, this browser gets a cookie that lets it skip that step for 30 days, for this
 * account only. The cookie holds a random token and its signature with the service's key for
 * the account's NIR: a made-up cookie, or one moved to another account, is refused before any
 * look-up; the server keeps the token's hash, so that a record can be revoked (a new code
 * personnel forgets every remembered browser of the account) and the person can see the list.
 * A remembered browser is also what failed logins lock instead of an address ({@link LoginLocks}).
 */
@Stateless
public class RememberedBrowsers {

    /** The cookie to give the browser: its name (whose account), value (token.signature) and lifetime. */
    public record BrowserCookie(String name, String value, Duration maxAge) {
    }

    /** How many hex characters of the NIR's pseudonym name the cookie (several accounts may share a home computer). */
    private static final int NAME_TAG = 16;

    @Inject
    AccountRepository accounts;
    @Inject
    RememberedBrowserRepository rememberedBrowserRepository;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    ClientOrigin origin;
    @Inject
    AuditTrail audit;
    @Inject
    SecurityNotices notices;
    @Inject
    Clock clock;

    /** Remembers this browser (its User-Agent named « Firefox sous Windows ») for the active account of {@code nir}; the owner is told by mail. */
    public Optional<BrowserCookie> remember(Nir nir) {
        Optional<Account> found = accounts.findActive(nir);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String token = SecretTokens.newToken();
        RememberedBrowser browser = new RememberedBrowser(found.get().id(), SecretTokens.hash(token),
                BrowserNames.of(origin.userAgent()), clock.instant());
        rememberedBrowserRepository.addRememberedBrowser(browser);
        audit.record(AuditEvent.Type.BROWSER_REMEMBERED, nir);
        notices.browserRemembered(found.get(), browser);
        return Optional.of(new BrowserCookie(cookieName(nir), token + "." + pseudonyms.ofRememberedBrowser(nir, token),
                RememberedBrowser.VALIDITY));
    }

    /** The browser of this request, if it is remembered for the account of {@code nir} and its 30 days are not over. */
    public Optional<RememberedBrowser> recognised(Nir nir) {
        Optional<String> token = signedToken(origin.browserCookies().get(cookieName(nir)),
                candidate -> pseudonyms.ofRememberedBrowser(nir, candidate));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return accounts.findActive(nir).flatMap(account -> rememberedBrowserRepository.findRememberedBrowser(SecretTokens.hash(token.get()))
                .filter(browser -> browser.recognises(account.id(), now)));
    }

    /**
     * The cookie's parser: the token of a value « token.signature » whose token has a token's shape
     * and whose signature is the one {@code signatureOf} gives it (compared in constant time);
     * empty for anything else a browser may send, null included. Nothing is looked up before.
     */
    public static Optional<String> signedToken(String cookie, UnaryOperator<String> signatureOf) {
        int dot = cookie == null ? -1 : cookie.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String token = cookie.substring(0, dot);
        byte[] signature = cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!SecretTokens.looksLikeToken(token)
                || !MessageDigest.isEqual(signature, signatureOf.apply(token).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(token);
    }

    /** After a correct code personnel: whether this browser skips the security code; if so, the login from it is noted. */
    public boolean skipsSecurityCode(Nir nir) {
        Optional<RememberedBrowser> browser = recognised(nir);
        browser.ifPresent(b -> {
            b.used(clock.instant());
            audit.record(AuditEvent.Type.BROWSER_RECOGNISED, nir);
        });
        return browser.isPresent();
    }

    /** The browsers remembered for the account of {@code nir} whose 30 days are not over, the latest first. */
    public List<RememberedBrowser> of(Nir nir) {
        Instant now = clock.instant();
        return accounts.findByNir(nir).map(a -> rememberedBrowserRepository.rememberedBrowsers(a.id())).orElse(List.of()).stream()
                .filter(b -> now.isBefore(b.expiresAt())).toList();
    }

    /** A new code personnel: every remembered browser of the account must give the security code again. */
    public void forgetAll(Account account) {
        if (rememberedBrowserRepository.forgetRememberedBrowsers(account.id()) > 0) {
            audit.record(AuditEvent.Type.BROWSERS_FORGOTTEN, account.nir());
        }
    }

    /** The cookie's name for the account of {@code nir}: the prefix and a tag of the NIR's pseudonym. */
    public String cookieName(Nir nir) {
        return ClientOrigin.BROWSER_COOKIE_PREFIX + pseudonyms.of(nir).substring(0, NAME_TAG);
    }
}
