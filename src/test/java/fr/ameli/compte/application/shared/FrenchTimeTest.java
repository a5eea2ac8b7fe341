package fr.ameli.compte.application.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Instants and durations as the pages, mails and letters write them. */
class FrenchTimeTest {

    @ParameterizedTest(name = "{0}: {1} is « {2} »")
    @CsvSource({
            "winter (UTC+1),            2026-11-29T09:30:00Z, 29 novembre 2026 à 10h30",
            "summer (UTC+2),            2026-07-14T08:05:00Z, 14 juillet 2026 à 10h05",
            "past midnight in Paris,    2026-12-31T23:15:00Z, 1 janvier 2027 à 00h15",
            "day before the clocks go back, 2026-10-24T22:00:00Z, 25 octobre 2026 à 00h00",
            "accented month,            2026-02-03T12:00:00Z, 3 février 2026 à 13h00"})
    void an_instant_in_paris_time(String reason, Instant instant, String words) {
        assertEquals(words, FrenchTime.when(instant));
    }

    @ParameterizedTest(name = "{0}: {1} is « {2} »")
    @CsvSource({
            "winter,                    2026-11-29T09:30:00Z, 29 novembre 2026",
            "still the day before in UTC, 2026-08-14T22:30:00Z, 15 août 2026",
            "single-digit day,          2027-01-05T10:00:00Z, 5 janvier 2027"})
    void a_day_in_paris(String reason, Instant instant, String words) {
        assertEquals(words, FrenchTime.day(instant));
    }

    @ParameterizedTest(name = "{0} is said « {1} »")
    @CsvSource({
            "PT48H, 48 heures",
            "P2D,   48 heures",
            "PT1H,  1 heure",
            "PT30M, 30 minutes",
            "PT1M,  1 minute",
            "PT4S,  4 secondes",
            "PT1S,  1 seconde",
            "P3D,   3 jours",
            "P7D,   7 jours",
            "PT90M, 90 minutes",
            "PT61S, 61 secondes"})
    void a_duration_as_a_person_says_it(Duration duration, String words) {
        assertEquals(words, FrenchTime.duration(duration));
    }
}
