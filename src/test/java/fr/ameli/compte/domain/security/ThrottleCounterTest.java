package fr.ameli.compte.domain.security;

import fr.ameli.compte.domain.security.ThrottleCounter.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The throttling rules of the hardening issue, one case each. */
class ThrottleCounterTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    /** {@code times} attempts admitted, each failing; the lock the last one sets, if it sets one. */
    private static Optional<Instant> failTimes(ThrottleCounter counter, int times, Instant at) {
        Optional<Instant> lock = Optional.empty();
        for (int i = 0; i < times; i++) {
            ThrottleCounter.Admission admission = counter.admit(at);
            assertTrue(admission.checked(), "attempt " + (i + 1) + " is checked");
            lock = admission.lockedUntil();
        }
        return lock;
    }

    @Test
    void four_failed_proofs_do_not_lock_the_fifth_locks_for_fifteen_minutes() {
        ThrottleCounter proof = new ThrottleCounter(Kind.PROOF, "x", T0);
        assertTrue(failTimes(proof, 4, T0).isEmpty());
        assertTrue(proof.lockedUntil(T0).isEmpty());
        assertEquals(new ThrottleCounter.Admission(true, Optional.of(T0.plus(Duration.ofMinutes(15)))), proof.admit(T0),
                "the fifth is checked, and its failure locks");
        assertEquals(Optional.of(T0.plusSeconds(900)), proof.lockedUntil(T0.plusSeconds(899)));
        assertTrue(proof.lockedUntil(T0.plusSeconds(900)).isEmpty(), "free again after 15 minutes");
    }

    @Test
    void attempts_at_once_are_counted_before_their_check_so_that_the_sixth_is_refused_unchecked() {
        ThrottleCounter login = new ThrottleCounter(Kind.LOGIN, "x", T0);
        // Five attempts admitted, none of them answered yet (all checks still running).
        Optional<Instant> lock = failTimes(login, 5, T0);
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(15))), lock, "the fifth carries the lock");
        assertEquals(new ThrottleCounter.Admission(false, lock), login.admit(T0.plusMillis(1)), "the sixth is not checked");
    }

    @Test
    void proof_locks_do_not_grow() {
        ThrottleCounter proof = new ThrottleCounter(Kind.PROOF, "x", T0);
        failTimes(proof, 5, T0);
        Instant later = T0.plus(Duration.ofHours(1));
        assertEquals(Optional.of(later.plus(Duration.ofMinutes(15))), failTimes(proof, 5, later));
    }

    @ParameterizedTest(name = "lock number {0} of logins lasts {1}")
    @CsvSource({"1, PT15M", "2, PT30M", "3, PT1H", "4, PT2H", "5, PT4H", "6, PT8H", "7, PT16H", "8, PT24H", "9, PT24H", "30, PT24H"})
    void login_locks_double_up_to_a_day(int lockNumber, Duration expected) {
        ThrottleCounter login = new ThrottleCounter(Kind.LOGIN, "x", T0);
        Instant at = T0;
        Optional<Instant> lock = Optional.empty();
        for (int i = 0; i < lockNumber; i++) {
            at = lock.orElse(at);
            lock = failTimes(login, 5, at);
        }
        assertEquals(Optional.of(at.plus(expected)), lock);
    }

    @Test
    void attempts_per_minute_are_counted_in_a_window() {
        ThrottleCounter address = new ThrottleCounter(Kind.IDENTITY_ADDRESS, "x", T0);
        for (int i = 0; i < 3; i++) {
            assertTrue(address.attempt(T0.plusSeconds(i), 3));
        }
        assertFalse(address.attempt(T0.plusSeconds(30), 3), "fourth within the minute");
        assertEquals(T0.plusSeconds(60), address.windowEnd());
        assertTrue(address.attempt(T0.plusSeconds(60), 3), "a new minute");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"IDENTITY_ADDRESS, PT1M", "ACTIVATION_RESEND, PT1H", "CODE_RESET, PT1H", "LOCK_MAIL, PT1H",
            "LOGIN_CEILING, P1D", "LOGIN_PACE, PT1M"})
    void each_rate_limit_counts_in_its_own_window(Kind kind, Duration window) {
        assertEquals(window, ThrottleCounter.window(kind));
    }

    @Test
    void a_nir_s_failures_of_the_day_are_counted_until_the_day_is_over() {
        Instant start = Instant.parse("2026-12-01T08:00:00Z");
        ThrottleCounter ceiling = new ThrottleCounter(Kind.LOGIN_CEILING, "nir", start);
        for (int i = 0; i < 3; i++) {
            ceiling.attempt(start.plusSeconds(60L * i), Integer.MAX_VALUE);
        }
        assertEquals(3, ceiling.attemptsAt(start.plus(Duration.ofHours(23))), "within the day");
        assertEquals(0, ceiling.attemptsAt(start.plus(Duration.ofHours(24))), "a new day starts from zero");
    }

    @Test
    void the_kind_is_read_back_from_the_identifier() {
        assertEquals(Kind.LOGIN, new ThrottleCounter(Kind.LOGIN, "abc", T0).kind());
        assertEquals("PROOF:abc", ThrottleCounter.id(Kind.PROOF, "abc"));
    }
}
