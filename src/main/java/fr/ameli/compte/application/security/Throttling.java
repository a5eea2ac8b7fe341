package fr.ameli.compte.application.security;

import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.security.SecurityRepository;
import fr.ameli.compte.domain.security.ThrottleCounter;
import fr.ameli.compte.domain.security.ThrottleCounter.Kind;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The throttling rules (see {@link ThrottleCounter}) over counters kept in the database, each
 * change in a transaction of its own so that a failure counts even when the caller's work is
 * rolled back. Rows are locked while they change, so concurrent attempts (on one server or
 * several) all count.
 *
 * <p>Every check that a guesser could repeat (the proof of the wizard's verification step, a code
 * personnel, a provisional code) runs through {@link #guard}: one sequence, one set of audit events.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Throttling {

    @Inject
    SecurityRepository repository;
    @Inject
    Clock clock;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    AuditTrail audit;
    @Resource
    SessionContext context;

    /**
     * Runs {@code check} for {@code nir} under its counter of this kind: refused without running it
     * while the NIR is locked; a success (a value) resets the count; a failure (empty) is audited,
     * and the one that reaches the limit starts a lock, which is audited too. The attempt is counted
     * before the check, atomically ({@link ThrottleCounter#admit}): of many attempts at once, no more
     * than the limit are checked. The check runs in the caller's transaction, if any; the counter
     * changes in transactions of their own.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public <T> Throttled<T> guard(Kind kind, Nir nir, Supplier<Optional<T>> check) {
        return guard(kind, nir, pseudonyms.of(nir), check);
    }

    /** The same, under the counter of {@code subject} (a NIR's pseudonym, or more precise: see {@link LoginLocks}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public <T> Throttled<T> guard(Kind kind, Nir nir, String subject, Supplier<Optional<T>> check) {
        ThrottleCounter.Admission admission = withRetry(() -> self().admitOnce(kind, subject));
        if (!admission.checked()) {
            return Throttled.alreadyLocked(admission.lockedUntil().orElseThrow());
        }
        Optional<T> value = check.get();
        if (value.isPresent()) {
            self().success(kind, subject);
            return Throttled.passed(value.get());
        }
        Trail trail = trail(kind);
        audit.record(trail.failure(), nir);
        admission.lockedUntil().ifPresent(until -> audit.record(trail.lock(), nir));
        return Throttled.failed(admission.lockedUntil());
    }

    /**
     * Counts a guarded attempt whose check the caller runs itself (outside this bean): may it be
     * checked, and with which lock if it fails. A failure is all it can be: nothing resets the count.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ThrottleCounter.Admission admit(Kind kind, String subject) {
        return withRetry(() -> self().admitOnce(kind, subject));
    }

    /** Counts a guarded attempt before its check, in a transaction of its own: may it be checked, and with which lock if it fails. */
    public ThrottleCounter.Admission admitOnce(Kind kind, String subject) {
        return counter(kind, subject).admit(clock.instant());
    }

    /** The audit events of a guarded check of this kind: its failure, and the lock failures start. */
    record Trail(AuditEvent.Type failure, AuditEvent.Type lock) {
    }

    static Trail trail(Kind kind) {
        return switch (kind) {
            case PROOF -> new Trail(AuditEvent.Type.PROOF_FAILURE, AuditEvent.Type.PROOF_LOCKED);
            case LOGIN -> new Trail(AuditEvent.Type.LOGIN_FAILURE, AuditEvent.Type.LOGIN_LOCKED);
            case SECURITY_CODE -> new Trail(AuditEvent.Type.SECURITY_CODE_FAILURE, AuditEvent.Type.SECURITY_CODE_LOCKED);
            case IDENTITY_ADDRESS, ACTIVATION_RESEND, CODE_RESET, LOGIN_CEILING, LOGIN_PACE, LOCK_MAIL, SECURITY_CODE_MAIL, EMAIL_CHANGE,
                 AGENT_LOOK_UP, AGENT_LOOK_UP_PACE, PROVISIONAL_LETTER ->
                    throw new IllegalArgumentException(kind + " is a rate limit, not a guarded check");
        };
    }

    /** Until when attempts of this kind are refused for this subject, if they are now. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> lockedUntil(Kind kind, String subject) {
        return repository.findCounter(ThrottleCounter.id(kind, subject))
                .flatMap(counter -> counter.lockedUntil(clock.instant()));
    }

    /** How many attempts of this kind the subject made in the window running now. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int attemptsNow(Kind kind, String subject) {
        return repository.findCounter(ThrottleCounter.id(kind, subject)).map(c -> c.attemptsAt(clock.instant())).orElse(0);
    }

    /** Counts one attempt of a rate-limited kind; returns how many the window now holds. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int count(Kind kind, String subject) {
        return withRetry(() -> self().countOnce(kind, subject));
    }

    public int countOnce(Kind kind, String subject) {
        ThrottleCounter counter = counter(kind, subject);
        counter.attempt(clock.instant(), Integer.MAX_VALUE);
        return counter.failures();
    }

    /**
     * Removes every counter whose id starts with this kind and subject prefix, in the caller's
     * transaction: a new code, a closure, an agent's lifting of the locks — each commits or rolls back
     * with what it forgets.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void remove(Map.Entry<Kind, String> kindAndSubjectPrefix) {
        repository.removeCounters(ThrottleCounter.id(kindAndSubjectPrefix.getKey(), kindAndSubjectPrefix.getValue()));
    }

    /** The counters of this kind whose subject starts with this prefix, as they are now. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ThrottleCounter> counters(Kind kind, String subjectPrefix) {
        return repository.countersStartingWith(ThrottleCounter.id(kind, subjectPrefix));
    }

    /** A success: the count starts again from zero. */
    public void success(Kind kind, String subject) {
        repository.removeCounter(ThrottleCounter.id(kind, subject));
    }

    /**
     * An attempt that is limited per window (identity attempts per client address and minute,
     * activation mails per NIR and hour): empty if it is allowed, else when the window ends.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Instant> attempt(Kind kind, String subject, int limit) {
        return withRetry(() -> self().attemptOnce(kind, subject, limit));
    }

    public Optional<Instant> attemptOnce(Kind kind, String subject, int limit) {
        ThrottleCounter counter = counter(kind, subject);
        return counter.attempt(clock.instant(), limit) ? Optional.empty() : Optional.of(counter.windowEnd());
    }

    private ThrottleCounter counter(Kind kind, String subject) {
        String id = ThrottleCounter.id(kind, subject);
        return repository.findCounterForUpdate(id).orElseGet(() -> {
            ThrottleCounter created = new ThrottleCounter(kind, subject, clock.instant());
            repository.addCounter(created);
            return created;
        });
    }

    private Throttling self() {
        return context.getBusinessObject(Throttling.class);
    }

    /**
     * Two first attempts at once both insert the row: the loser tries again and finds it. Under a burst
     * (twenty logins at once), a success may remove the row between two tries, and the next insert
     * race is lost again: a few tries, each a transaction of its own.
     */
    private static <T> T withRetry(java.util.function.Supplier<T> work) {
        for (int tried = 1; ; tried++) {
            try {
                return work.get();
            } catch (EJBException e) {
                if (tried == INSERT_RACES) {
                    throw e;
                }
            }
        }
    }

    /** How many times an attempt is made again after losing the race to create its counter. */
    private static final int INSERT_RACES = 5;
}
