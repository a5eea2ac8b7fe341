package fr.ameli.compte.domain.security;

import fr.ameli.compte.domain.account.ProvisionalCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A counter that slows down guessing (one row per kind and subject, in the database so that it
 * survives restarts and is shared by every server). Subjects are pseudonyms: a NIR's HMAC or a
 * client address's, never the value itself.
 *
 * <ul>
 *   <li>{@link Kind#PROOF}: 5 consecutive failed proofs (the wizard's verification step) lock for 15 minutes.</li>
 *   <li>{@link Kind#LOGIN}: 5 consecutive failed logins of a NIR from one client address lock that
 *       address out for 15 minutes, doubling at each further lock up to 24 hours; the same, counted
 *       apart, for wrong security codes ({@link Kind#SECURITY_CODE}), of which at most a few are
 *       mailed an hour ({@link Kind#SECURITY_CODE_MAIL}).</li>
 *   <li>{@link Kind#IDENTITY_ADDRESS}: at most N identity attempts (the wizard's identity step) per minute from one
 *       client address.</li>
 *   <li>{@link Kind#ACTIVATION_RESEND}, {@link Kind#CODE_RESET}, {@link Kind#LOCK_MAIL}, {@link Kind#EMAIL_CHANGE}: at most a few mails per hour for one NIR.</li>
 *   <li>{@link Kind#LOGIN_CEILING}: the failed logins of one NIR in a day, from every address;
 *       past a ceiling, {@link Kind#LOGIN_PACE} lets one try a minute through for that NIR.</li>
 *   <li>{@link Kind#PROVISIONAL_LETTER}: at most a few provisional-code letters for one NIR in 90 days.</li>
 *   <li>{@link Kind#AGENT_LOOK_UP}: the look-ups of one agent in an hour (the espace agent, PRODUCT §2.12);
 *       past a limit, {@link Kind#AGENT_LOOK_UP_PACE} lets one a minute through for that agent.</li>
 * </ul>
 * A guarded attempt is counted before it is checked ({@link #admit}): of many at once, no more than the
 * limit are checked. A success resets the count (and, for logins, the doubling).
 */
@Entity
@Table(name = "throttle")
public class ThrottleCounter {

    public enum Kind {
        PROOF, LOGIN, IDENTITY_ADDRESS, ACTIVATION_RESEND, CODE_RESET, LOGIN_CEILING, LOGIN_PACE, LOCK_MAIL,
        SECURITY_CODE, SECURITY_CODE_MAIL, EMAIL_CHANGE, AGENT_LOOK_UP, AGENT_LOOK_UP_PACE, PROVISIONAL_LETTER
    }

    public static final int MAX_CONSECUTIVE_FAILURES = 5;
    public static final Duration FIRST_LOCK = Duration.ofMinutes(15);
    public static final Duration LONGEST_LOCK = Duration.ofHours(24);

    @Id
    @Column(name = "id", length = 90, nullable = false, updatable = false)
    private String id;
    @Column(name = "failures", nullable = false)
    private int failures;
    @Column(name = "locks", nullable = false)
    private int locks;
    @Column(name = "locked_until")
    private Instant lockedUntil;
    @Column(name = "window_start")
    private Instant windowStart;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA only. */
    protected ThrottleCounter() {
    }

    public ThrottleCounter(Kind kind, String subject, Instant now) {
        this.id = id(kind, subject);
        this.updatedAt = now;
    }

    public static String id(Kind kind, String subject) {
        return kind.name() + ":" + subject;
    }

    /** {@code KIND:subject}. */
    public String id() {
        return id;
    }

    public Kind kind() {
        return Kind.valueOf(id.substring(0, id.indexOf(':')));
    }

    /** Until when attempts are refused, if they are now. */
    public Optional<Instant> lockedUntil(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil) ? Optional.of(lockedUntil) : Optional.empty();
    }

    /**
     * Whether a guarded attempt may be checked (see {@link Admission}), counted <em>before</em> the check:
     * of N attempts at once, each is counted as it is admitted, so that no more than
     * {@value #MAX_CONSECUTIVE_FAILURES} in a row are ever checked. The one that makes the count reach
     * the limit is admitted with the lock its failure sets, which starts now: attempts that come
     * meanwhile are refused unchecked; a success lifts it (the counter is removed).
     */
    public Admission admit(Instant now) {
        Optional<Instant> locked = lockedUntil(now);
        if (locked.isPresent()) {
            return new Admission(false, locked);
        }
        updatedAt = now;
        failures++;
        if (failures < MAX_CONSECUTIVE_FAILURES) {
            return new Admission(true, Optional.empty());
        }
        Duration lock = kind() == Kind.LOGIN || kind() == Kind.SECURITY_CODE ? loginLock(locks) : FIRST_LOCK;
        lockedUntil = now.plus(lock);
        locks++;
        failures = 0;
        return new Admission(true, Optional.of(lockedUntil));
    }

    /**
     * The answer to {@link #admit}: {@code checked} when the attempt may be checked, with {@code lockedUntil} the
     * lock its failure sets, if it sets one; not {@code checked}, refused unchecked until {@code lockedUntil}.
     */
    public record Admission(boolean checked, Optional<Instant> lockedUntil) {
    }

    /** 15 min, 30 min, 1 h, 2 h … capped at 24 h. */
    static Duration loginLock(int previousLocks) {
        Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(previousLocks, 20));
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    /** How long the counting window of a rate-limited kind lasts. */
    public static Duration window(Kind kind) {
        return switch (kind) {
            case ACTIVATION_RESEND, CODE_RESET, LOCK_MAIL, SECURITY_CODE_MAIL, EMAIL_CHANGE, AGENT_LOOK_UP -> Duration.ofHours(1);
            case LOGIN_CEILING -> Duration.ofDays(1);
            case PROVISIONAL_LETTER -> ProvisionalCode.LETTER_PERIOD;
            case IDENTITY_ADDRESS, LOGIN_PACE, PROOF, LOGIN, SECURITY_CODE, AGENT_LOOK_UP_PACE -> Duration.ofMinutes(1);
        };
    }

    /**
     * How long a counter of this kind left alone (no attempt, no lock in force) still matters: a rate
     * limit's window; for a guarded check's consecutive failures and the doubling of its locks, the
     * longest lock (24 hours). The expiry sweep removes it afterwards.
     */
    public static Duration keptIdle(Kind kind) {
        return switch (kind) {
            case PROOF, LOGIN, SECURITY_CODE -> LONGEST_LOCK;
            default -> window(kind);
        };
    }

    /** The attempts counted in the window still running at {@code now} (0 once it is over). */
    public int attemptsAt(Instant now) {
        return windowStart != null && now.isBefore(windowStart.plus(window(kind()))) ? failures : 0;
    }

    /** An attempt within the kind's window; false when it goes over {@code limit}. */
    public boolean attempt(Instant now, int limit) {
        updatedAt = now;
        if (windowStart == null || !now.isBefore(windowStart.plus(window(kind())))) {
            windowStart = now;
            failures = 0;
        }
        failures++;
        return failures <= limit;
    }

    /** When the current window lets attempts in again. */
    public Instant windowEnd() {
        return windowStart == null ? updatedAt : windowStart.plus(window(kind()));
    }

    public int failures() {
        return failures;
    }

    public int locks() {
        return locks;
    }
}
