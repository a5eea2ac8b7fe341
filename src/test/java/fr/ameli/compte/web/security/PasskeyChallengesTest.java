package fr.ameli.compte.web.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A passkey challenge (PRODUCT §2.1, §2.11): this session's, used once, for 5 minutes at most, one per purpose. */
class PasskeyChallengesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void a_challenge_is_taken_once() {
        PasskeyChallenges challenges = new PasskeyChallenges();
        byte[] issued = challenges.issue(PasskeyChallenges.Purpose.LOGIN, NOW);
        assertEquals(32, issued.length);
        assertArrayEquals(issued, challenges.take(PasskeyChallenges.Purpose.LOGIN, NOW.plusSeconds(10)).orElseThrow());
        assertEquals(Optional.empty(), challenges.take(PasskeyChallenges.Purpose.LOGIN, NOW.plusSeconds(11)), "a replay finds none");
    }

    @Test
    void a_challenge_lasts_the_five_minutes_the_pages_announce() {
        PasskeyChallenges challenges = new PasskeyChallenges();
        challenges.issue(PasskeyChallenges.Purpose.CREATION, NOW);
        assertTrue(challenges.take(PasskeyChallenges.Purpose.CREATION, NOW.plus(Duration.ofMinutes(5))).isPresent());
        challenges.issue(PasskeyChallenges.Purpose.CREATION, NOW);
        assertEquals(Optional.empty(), challenges.take(PasskeyChallenges.Purpose.CREATION, NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)));
    }

    @Test
    void a_login_s_challenge_is_not_a_creation_s_and_a_new_one_replaces_the_last() {
        PasskeyChallenges challenges = new PasskeyChallenges();
        byte[] first = challenges.issue(PasskeyChallenges.Purpose.LOGIN, NOW);
        byte[] second = challenges.issue(PasskeyChallenges.Purpose.LOGIN, NOW);
        assertEquals(Optional.empty(), challenges.take(PasskeyChallenges.Purpose.CREATION, NOW));
        byte[] taken = challenges.take(PasskeyChallenges.Purpose.LOGIN, NOW).orElseThrow();
        assertArrayEquals(second, taken);
        assertTrue(!java.util.Arrays.equals(first, taken), "the one before is forgotten");
    }
}
