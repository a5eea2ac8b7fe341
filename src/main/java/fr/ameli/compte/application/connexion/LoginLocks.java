package fr.ameli.compte.application.connexion;

import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.shared.ClientOrigin;
import fr.ameli.compte.application.security.Pseudonyms;
import fr.ameli.compte.application.security.SecurityNotices;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.application.security.Throttled;
import fr.ameli.compte.application.security.Throttling;
import fr.ameli.compte.application.connexion.LockInForce.Place;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.account.RememberedBrowser;
import fr.ameli.compte.domain.security.ThrottleCounter;
import fr.ameli.compte.domain.security.ThrottleCounter.Kind;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who may lock whom (PRODUCT §5). A NIR is printed on many papers: a stranger who knows it must
 * not be able to lock its owner out. So failed logins (code personnel, provisional code) lock the
 * NIR only <em>for the client address they came from</em> — or, from a browser remembered for
 * the account ({@link RememberedBrowsers}), for that browser — (5 failures, 15 minutes, doubling
 * up to 24 hours); the owner from another address, from their remembered browser, or after
 * « Code oublié ? », still gets in. Past a ceiling of failures for the NIR in a day across all
 * addresses ({@code ameli.throttle.login-failures-per-day}, 50), every browser that is not
 * remembered is slowed to one try a minute for the NIR instead. The owner is told by mail when a
 * lock is set (at most once an hour). An agent of the caisse sees the locks in force and can lift
 * them all (PRODUCT §2.12, {@link #inForce}, {@link #liftAll}).
 */
@Stateless
public class LoginLocks {

    /** The address's pseudonym is cut to 64 bits in a counter's id: enough to tell addresses apart. */
    private static final int ADDRESS_TAG = 16;
    /** The security codes' counters cut the NIR's pseudonym to 192 bits, for their longer kind to fit the id's 90 characters. */
    private static final int SECURITY_CODE_OWNER = 48;
    /** The owner part of the counter of logins whose NIR cannot be read (a NIR's pseudonym never has this form). */
    static final String UNREADABLE = "illisible";

    @Inject
    Throttling throttling;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    ClientOrigin origin;
    @Inject
    ServiceSettings settings;
    @Inject
    AuditTrail audit;
    @Inject
    SecurityNotices notices;
    @Inject
    RememberedBrowsers rememberedBrowsers;
    @Inject
    Clock clock;

    /**
     * Runs a login check for {@code nir} from this request's address, under these rules. Outside any
     * transaction: the check hashes a code (140 ms of a core), and a transaction would hold a pooled
     * database connection all that time — thirty-odd logins at once would stall every page. Each
     * read and each count is a short transaction of its own; the check reads what it needs, then hashes.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public <T> Throttled<T> guard(Nir nir, Supplier<Optional<T>> check) {
        String owner = pseudonyms.of(nir);
        Optional<Long> browser = rememberedBrowsers.recognised(nir).map(RememberedBrowser::id);
        String subject = browser.map(id -> fromBrowser(owner, id)).orElseGet(() -> fromHere(owner));
        Optional<Instant> locked = throttling.lockedUntil(Kind.LOGIN, subject);
        if (locked.isPresent()) {
            return Throttled.alreadyLocked(locked.get());
        }
        if (browser.isEmpty() && throttling.attemptsNow(Kind.LOGIN_CEILING, owner) >= settings.loginFailuresPerDay()) {
            Optional<Instant> wait = throttling.attempt(Kind.LOGIN_PACE, owner, 1);
            if (wait.isPresent()) {
                return Throttled.slowedUntil(wait.get());
            }
        }
        Throttled<T> result = throttling.guard(Kind.LOGIN, nir, subject, check);
        if (result.failedCheck() && throttling.count(Kind.LOGIN_CEILING, owner) == settings.loginFailuresPerDay()) {
            audit.record(AuditEvent.Type.LOGIN_CEILING_REACHED, nir);
        }
        if (result.lockStarted()) {
            notices.loginLocked(nir, result.lockedUntil().get());
        }
        return result;
    }

    /** Until when logins for {@code nir} from this request's address (or remembered browser) are refused, if they are. */
    public Optional<Instant> lockedUntil(Nir nir) {
        String owner = pseudonyms.of(nir);
        return throttling.lockedUntil(Kind.LOGIN, rememberedBrowsers.recognised(nir)
                .map(browser -> fromBrowser(owner, browser.id())).orElseGet(() -> fromHere(owner)));
    }

    /**
     * A login whose NIR cannot be read (or whose code is longer than any code): it costs a decoy hash
     * like any other, so it counts like a wrong code for this address — 5, then locked 15 minutes,
     * doubling — under one counter for all unreadable NIRs from it, and a locked address spends no
     * hash at all. Until when it is locked, if it is.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Instant> unreadable(Runnable decoy) {
        ThrottleCounter.Admission admission = throttling.admit(Kind.LOGIN, fromAddress(UNREADABLE, origin.address() == null ? "-" : origin.address()));
        if (!admission.checked()) {
            return admission.lockedUntil();
        }
        decoy.run();
        return Optional.empty();
    }

    /** A try of the security code (the login's second step), counted apart from the codes personnels, also per address. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public <T> Throttled<T> guardSecurityCode(Nir nir, Supplier<Optional<T>> check) {
        Throttled<T> result = throttling.guard(Kind.SECURITY_CODE, nir, fromHere(securityCodeOwner(nir)), check);
        if (result.lockStarted()) {
            notices.loginLocked(nir, result.lockedUntil().get());
        }
        return result;
    }


    /**
     * A new code personnel (« Code oublié ? », « Mon espace »), or the account closed: every lock and
     * count of the NIR's logins is forgotten, in the caller's transaction (it goes with the new code).
     */
    public void forget(Nir nir) {
        loginCounters(nir).forEach(throttling::remove);
    }

    /** The counters of a NIR's logins: per address or browser (by prefix), its security codes, its daily ceiling and pace. */
    private List<Map.Entry<Kind, String>> loginCounters(Nir nir) {
        String owner = pseudonyms.of(nir);
        return List.of(Map.entry(Kind.LOGIN, owner + ":"), Map.entry(Kind.SECURITY_CODE, securityCodeOwner(nir) + ":"),
                Map.entry(Kind.LOGIN_CEILING, owner), Map.entry(Kind.LOGIN_PACE, owner));
    }

    /**
     * The locks in force on the NIR (PRODUCT §2.12), each with where it holds in French: an address
     * (named when one of {@code addresses} gives its tag, the counters keep only a pseudonym of it),
     * a remembered browser of {@code browsers}, every browser not remembered (the daily ceiling), or
     * the wizard's verification step (5 failed proofs).
     */
    public List<LockInForce> inForce(Nir nir, Collection<String> addresses, Collection<RememberedBrowser> browsers) {
        String owner = pseudonyms.of(nir);
        Map<String, LockInForce> places = new HashMap<>();
        for (String address : addresses) {
            places.put(ThrottleCounter.id(Kind.LOGIN, fromAddress(owner, address)), new LockInForce(Place.ADDRESS, address, null));
            places.put(ThrottleCounter.id(Kind.SECURITY_CODE, fromAddress(securityCodeOwner(nir), address)),
                    new LockInForce(Place.ADDRESS_SECURITY_CODE, address, null));
        }
        browsers.forEach(b -> places.put(ThrottleCounter.id(Kind.LOGIN, fromBrowser(owner, b.id())),
                new LockInForce(Place.REMEMBERED_BROWSER, b.description(), null)));
        Instant now = clock.instant();
        List<LockInForce> locks = new ArrayList<>();
        List<ThrottleCounter> logins = new ArrayList<>(throttling.counters(Kind.LOGIN, owner + ":"));
        logins.addAll(throttling.counters(Kind.SECURITY_CODE, securityCodeOwner(nir) + ":"));
        for (ThrottleCounter counter : logins) {
            LockInForce unknown = new LockInForce(counter.kind() == Kind.LOGIN ? Place.OTHER_LOGIN : Place.OTHER_SECURITY_CODE, null, null);
            counter.lockedUntil(now).ifPresent(until -> {
                LockInForce where = places.getOrDefault(counter.id(), unknown);
                locks.add(new LockInForce(where.place(), where.detail(), until));
            });
        }
        throttling.counters(Kind.LOGIN_CEILING, owner).stream().filter(c -> c.attemptsAt(now) >= settings.loginFailuresPerDay())
                .forEach(c -> locks.add(new LockInForce(Place.DAILY_CEILING, null, c.windowEnd())));
        // Read by a query, as the others: after liftAll in this transaction, a counter found earlier is not taken for one still there.
        throttling.counters(Kind.PROOF, owner).forEach(c -> c.lockedUntil(now)
                .ifPresent(until -> locks.add(new LockInForce(Place.PROOF, null, until))));
        return locks;
    }

    /** An agent lifts every lock and count of the NIR's logins, security codes and proofs, in the caller's transaction (PRODUCT §2.12). */
    public void liftAll(Nir nir) {
        forget(nir);
        throttling.remove(Map.entry(Kind.PROOF, pseudonyms.of(nir)));
    }

    private String securityCodeOwner(Nir nir) {
        return pseudonyms.of(nir).substring(0, SECURITY_CODE_OWNER);
    }

    /** The counter's subject: the NIR, from this remembered browser. */
    private String fromBrowser(String owner, long browserId) {
        return owner + ":b" + pseudonyms.ofBrowser(browserId).substring(0, ADDRESS_TAG - 1);
    }

    /** The counter's subject: the NIR, from this request's address. */
    private String fromHere(String owner) {
        return fromAddress(owner, origin.address() == null ? "-" : origin.address());
    }

    /** The counter's subject: the NIR, from that address. */
    private String fromAddress(String owner, String address) {
        return owner + ":" + pseudonyms.ofAddress(address).substring(0, ADDRESS_TAG);
    }
}
