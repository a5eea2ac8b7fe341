package fr.ameli.compte.application;

import java.time.Instant;
import java.util.Optional;

/**
 * What a check run under a throttle counter gave ({@link Throttling#guard}): its value when it
 * succeeded; nothing when it failed (the failure was counted and audited); and, when the subject
 * is locked, until when — either because it already was (the check did not run) or because this
 * failure started the lock.
 *
 * @param <T> what the check gives on success (the account, the identity proven …)
 */
public record Throttled<T>(Optional<T> value, Optional<Instant> lockedUntil) {

    static <T> Throttled<T> passed(T value) {
        return new Throttled<>(Optional.of(value), Optional.empty());
    }

    static <T> Throttled<T> failed(Optional<Instant> lockedUntil) {
        return new Throttled<>(Optional.empty(), lockedUntil);
    }

    public boolean passed() {
        return value.isPresent();
    }

    public boolean locked() {
        return lockedUntil.isPresent();
    }
}
