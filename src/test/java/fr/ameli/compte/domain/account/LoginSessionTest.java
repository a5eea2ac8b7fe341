package fr.ameli.compte.domain.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PRODUCT §2.11: a login's session is open until ended, or until idle longer than the session lives. */
class LoginSessionTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration IDLE = Duration.ofMinutes(20);

    private static LoginSession login() {
        return new LoginSession(7, "a".repeat(64), LoginSession.Method.SECURITY_CODE, "Firefox sous Windows", AT);
    }

    @Test
    void a_request_is_noted_at_most_once_a_minute() {
        LoginSession login = login();
        assertTrue(login.seen(AT.plusSeconds(30)));
        assertEquals(AT, login.lastSeenAt(), "within the minute: nothing written");
        assertTrue(login.seen(AT.plusSeconds(61)));
        assertEquals(AT.plusSeconds(61), login.lastSeenAt());
    }

    @Test
    void an_ended_session_is_no_longer_logged_in_and_stays_ended() {
        LoginSession login = login();
        login.end(AT.plusSeconds(5));
        login.end(AT.plusSeconds(50));
        assertFalse(login.seen(AT.plusSeconds(90)));
        assertEquals(AT.plusSeconds(5), login.endedAt());
        assertFalse(login.openAt(AT.plusSeconds(90), IDLE));
    }

    @Test
    void a_session_idle_longer_than_it_lives_is_not_open_any_more() {
        LoginSession login = login();
        assertTrue(login.openAt(AT.plus(IDLE), IDLE), "its last request may be up to a minute later than noted");
        assertFalse(login.openAt(AT.plus(IDLE).plus(LoginSession.SEEN_EVERY), IDLE));
    }

    @Test
    void a_long_browser_name_is_cut_to_the_column() {
        LoginSession login = new LoginSession(7, "a".repeat(64), LoginSession.Method.FRANCECONNECT, "x".repeat(200), AT);
        assertEquals(80, login.browser().length());
    }
}
