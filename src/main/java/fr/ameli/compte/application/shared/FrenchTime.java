package fr.ameli.compte.application.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Instants and durations as a French reader says them, in Paris time: for the pages, the mails
 * and the letters alike. The service keeps UTC instants; only what a person reads is formatted.
 */
public final class FrenchTime {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private FrenchTime() {
    }

    /** « 29 novembre 2026 à 10h30 », Paris time. */
    public static String when(Instant instant) {
        return WHEN.format(instant.atZone(PARIS));
    }

    /** « 29 novembre 2026 », the day in Paris. */
    public static String day(Instant instant) {
        return DAY.format(instant.atZone(PARIS));
    }

    /** « 48 heures », « 3 jours », « 30 minutes », « 5 secondes »: the largest unit that says it exactly. */
    public static String duration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds % 86_400 == 0 && seconds >= 86_400 * 3) {
            return plural(seconds / 86_400, "jour");
        }
        if (seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "heure");
        }
        if (seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "seconde");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n > 1 ? "s" : "");
    }
}
