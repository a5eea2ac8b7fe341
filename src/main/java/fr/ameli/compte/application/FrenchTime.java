package fr.ameli.compte.application;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and durations as a French page or mail says them, in Paris time. */
public final class FrenchTime {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

    private FrenchTime() {
    }

    /** « 29 novembre 2026 à 10h30 ». */
    public static String when(Instant instant) {
        return WHEN.format(instant.atZone(PARIS));
    }

    /** « 48 heures », « 3 jours », « 30 minutes », « 5 secondes »: a duration as a person says it. */
    public static String duration(Duration d) {
        return ActivationMail.describe(d);
    }
}
