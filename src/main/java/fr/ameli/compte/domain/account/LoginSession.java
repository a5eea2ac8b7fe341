package fr.ameli.compte.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A login and the session it opened (PRODUCT §2.11 « Mes dernières connexions »): when, how, from
 * which browser (its family and system), until when it was seen, and whether it was ended — by
 * « Me déconnecter », « Me déconnecter de tous les appareils », or a new code personnel. The HTTP
 * session holds the key whose hash is kept here; a session whose row is ended or gone is no
 * longer logged in, on whichever server it arrives.
 */
@Entity
@Table(name = "login_session")
public class LoginSession {

    /** How many logins of an account are kept (and listed). */
    public static final int KEPT = 10;
    /** How often a session's last request is written down (a write per request would cost every page). */
    public static final Duration SEEN_EVERY = Duration.ofMinutes(1);

    /** How the person logged in. */
    public enum Method {
        /** The code personnel, then the security code mailed (PRODUCT §2.10). */
        SECURITY_CODE,
        /** The code personnel from a browser remembered for the account: no security code. */
        REMEMBERED_BROWSER,
        /** FranceConnect+ (level eidas2 or above): no security code. */
        FRANCECONNECT,
        /** FranceConnect at its standard level (eidas1), then the security code mailed. */
        FRANCECONNECT_SECURITY_CODE,
        /** A passkey, verified by the device (its unlocking): no code at all (PRODUCT §2.1). */
        PASSKEY
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;
    @Column(name = "session_key", length = 64, nullable = false, updatable = false)
    private String sessionKey;
    @Column(name = "logged_in_at", nullable = false, updatable = false)
    private Instant loggedInAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "method", length = 30, nullable = false, updatable = false)
    private Method method;
    @Column(name = "browser", length = 80, nullable = false, updatable = false)
    private String browser;
    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;
    @Column(name = "ended_at")
    private Instant endedAt;

    /** For JPA only. */
    protected LoginSession() {
    }

    public LoginSession(long accountId, String sessionKeyHash, Method method, String browser, Instant now) {
        this.accountId = accountId;
        this.sessionKey = Objects.requireNonNull(sessionKeyHash, "sessionKeyHash");
        this.method = Objects.requireNonNull(method, "method");
        this.browser = browser.length() <= 80 ? browser : browser.substring(0, 80);
        this.loggedInAt = now;
        this.lastSeenAt = now;
    }

    /** A request of this session at {@code now}: whether it is still logged in (noted at most every {@link #SEEN_EVERY}). */
    public boolean seen(Instant now) {
        if (endedAt != null) {
            return false;
        }
        if (!now.isBefore(lastSeenAt.plus(SEEN_EVERY))) {
            lastSeenAt = now;
        }
        return true;
    }

    /** Whether the session may still be open at {@code now}: not ended, and seen within {@code idle}. */
    public boolean openAt(Instant now, Duration idle) {
        return endedAt == null && now.isBefore(lastSeenAt.plus(idle).plus(SEEN_EVERY));
    }

    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now;
        }
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public String sessionKey() { return sessionKey; }
    public Instant loggedInAt() { return loggedInAt; }
    public Method method() { return method; }
    public String browser() { return browser; }
    public Instant lastSeenAt() { return lastSeenAt; }
    public Instant endedAt() { return endedAt; }
}
