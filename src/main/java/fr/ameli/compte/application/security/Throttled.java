package fr.ameli.compte.application.security;

import java.time.Instant;
import java.util.Optional;

/**
 * What a check run under a throttle counter gave ({@link Throttling#guard}): its value when it
 * succeeded; nothing when it failed (the failure was counted and audited); and, when attempts
 * are refused, until when — because the subject was already locked (the check did not run),
 * because this failure started the lock ({@code lockStarted}), or because the NIR is slowed to
 * one try a minute past its daily ceiling ({@code slowed}; see {@link LoginLocks}).
 *
 * @param <T> what the check gives on success (the account, the identity proven …)
 */
public record Throttled<T>(Optional<T> value, Optional<Instant> lockedUntil, boolean lockStarted, boolean slowed) {

    static <T> Throttled<T> passed(T value) {
        return new Throttled<>(Optional.of(value), Optional.empty(), false, false);
    }

    static <T> Throttled<T> failed(Optional<Instant> lockStarted) {
        return new Throttled<>(Optional.empty(), lockStarted, lockStarted.isPresent(), false);
    }

    public static <T> Throttled<T> alreadyLocked(Instant until) {
        return new Throttled<>(Optional.empty(), Optional.of(until), false, false);
    }

    public static <T> Throttled<T> slowedUntil(Instant until) {
        return new Throttled<>(Optional.empty(), Optional.of(until), false, true);
    }

    public boolean passed() {
        return value.isPresent();
    }

    public boolean locked() {
        return lockedUntil.isPresent();
    }

    /** Whether the check ran and said no (a failure that counts). */
    public boolean failedCheck() {
        return value.isEmpty() && (lockStarted || lockedUntil.isEmpty());
    }
}
