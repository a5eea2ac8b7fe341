package fr.ameli.compte.domain.person;

import fr.ameli.compte.domain.shared.InvalidValueException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BirthDateTest {

    /** "Today" is 15/06/2025 in Paris for every case. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneId.of("Europe/Paris"));

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("seed person", "03/12/1928", LocalDate.of(1928, 12, 3)),
                Arguments.of("surrounding spaces ignored", " 03/12/1928 ", LocalDate.of(1928, 12, 3)),
                Arguments.of("29 February of a leap year", "29/02/2000", LocalDate.of(2000, 2, 29)),
                Arguments.of("first day accepted", "01/01/1900", LocalDate.of(1900, 1, 1)),
                Arguments.of("born today", "15/06/2025", LocalDate.of(2025, 6, 15)),
                Arguments.of("31 December", "31/12/1999", LocalDate.of(1999, 12, 31)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void parses(String name, String typed, LocalDate value) {
        BirthDate date = BirthDate.parse(typed, CLOCK);
        assertEquals(value, date.value());
        assertEquals(typed.strip(), date.format());
    }

    static Stream<Arguments> refused() {
        String format = "La date de naissance doit être au format JJ/MM/AAAA.";
        String missing = "La date de naissance n'existe pas.";
        return Stream.of(
                Arguments.of("null", null, "La date de naissance est obligatoire."),
                Arguments.of("empty", "", "La date de naissance est obligatoire."),
                Arguments.of("31 February", "31/02/2000", missing),
                Arguments.of("29 February of a common year", "29/02/2001", missing),
                Arguments.of("29 February 1900 (not leap)", "29/02/1900", missing),
                Arguments.of("day 32", "32/01/2000", missing),
                Arguments.of("day 00", "00/01/2000", missing),
                Arguments.of("month 13", "01/13/2000", missing),
                Arguments.of("month 00", "01/00/2000", missing),
                Arguments.of("one-digit day", "3/12/1928", format),
                Arguments.of("one-digit month", "03/1/1928", format),
                Arguments.of("two-digit year", "03/12/28", format),
                Arguments.of("hyphens", "03-12-1928", format),
                Arguments.of("ISO form", "1928-12-03", format),
                Arguments.of("no separators", "03121928", format),
                Arguments.of("letters", "JJ/MM/AAAA", format),
                Arguments.of("tomorrow", "16/06/2025", "La date de naissance ne peut pas être dans le futur."),
                Arguments.of("next century", "01/01/2100", "La date de naissance ne peut pas être dans le futur."),
                Arguments.of("before 1900", "31/12/1899", "La date de naissance ne peut pas être antérieure à 1900."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String name, String typed, String message) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> BirthDate.parse(typed, CLOCK));
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> fromDates() {
        return Stream.of(
                Arguments.of("seed person", LocalDate.of(1928, 12, 3), null),
                Arguments.of("null", null, "La date de naissance est obligatoire."),
                Arguments.of("future", LocalDate.of(2025, 6, 16), "La date de naissance ne peut pas être dans le futur."),
                Arguments.of("before 1900", LocalDate.of(1899, 12, 31), "La date de naissance ne peut pas être antérieure à 1900."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fromDates")
    void fromLocalDate(String name, LocalDate value, String message) {
        if (message == null) {
            assertEquals(value, BirthDate.of(value, CLOCK).value());
        } else {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> BirthDate.of(value, CLOCK));
            assertEquals(message, e.getMessage());
        }
    }
}
