package fr.ameli.compte.domain.person;

import fr.ameli.compte.domain.shared.InvalidValueException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NirTest {

    /** Every line of nir-vectors.csv (nir;valid;case — the case text may itself hold a ';'). */
    static Stream<Arguments> vectors() {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = NirTest.class.getResourceAsStream("/nir-vectors.csv")) {
            if (in == null) {
                throw new IllegalStateException("nir-vectors.csv is not on the test classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            assertEquals("nir;valid;case", header);
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(";", 3);
                if (fields.length != 3 || !fields[1].matches("true|false")) {
                    throw new IllegalStateException("nir-vectors.csv line " + lineNumber + " is malformed: " + line);
                }
                rows.add(Arguments.of("line " + lineNumber + ": " + fields[2] + " [" + fields[0] + "]",
                        fields[0], Boolean.parseBoolean(fields[1])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("nir-vectors.csv holds no vector");
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(String name, String typed, boolean valid) {
        if (valid) {
            Nir nir = Nir.parse(typed);
            String compact = typed.replace(" ", "");
            assertEquals(compact, nir.fullForm(), "key recomputed from the 13 characters");
            assertEquals(nir, Nir.parseFullForm(compact));
        } else {
            assertThrows(InvalidValueException.class, () -> Nir.parse(typed));
        }
    }

    static Stream<Arguments> typedForms() {
        return Stream.of(
                Arguments.of("13 digits", "2281231815001", "2281231815001"),
                Arguments.of("13 digits grouped as on the card", "2 28 12 31 815 001", "2281231815001"),
                Arguments.of("13 digits with irregular spaces", "  22 8123 1815001 ", "2281231815001"),
                Arguments.of("15 characters with key", "228123181500110", "2281231815001"),
                Arguments.of("15 characters grouped with key", "2 28 12 31 815 001 10", "2281231815001"),
                Arguments.of("Corsica 2a typed in lowercase", "2 53 07 2a 073 004", "253072A073004"),
                Arguments.of("Corsica 2b with key typed in lowercase", "253072b07300470", "253072B073004"),
                Arguments.of("unknown month 20", "1552075108123", "1552075108123"),
                Arguments.of("unknown month 42", "1554275108123", "1554275108123"),
                Arguments.of("unknown month 50", "1555075108123", "1555075108123"),
                Arguments.of("unknown month 99", "1559975108123", "1559975108123"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typedForms")
    void parsesWhatPeopleType(String name, String typed, String digits13) {
        assertEquals(digits13, Nir.parse(typed).digits13());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("null", null, Nir.LENGTH_MESSAGE),
                Arguments.of("empty", "", Nir.LENGTH_MESSAGE),
                Arguments.of("only spaces", "   ", Nir.LENGTH_MESSAGE),
                Arguments.of("12 digits", "228123181500", Nir.LENGTH_MESSAGE),
                Arguments.of("14 digits", "22812318150011", Nir.LENGTH_MESSAGE),
                Arguments.of("16 digits", "2281231815001100", Nir.LENGTH_MESSAGE),
                Arguments.of("dots are not stripped", "2.28.12.31.815.001", Nir.LENGTH_MESSAGE),
                Arguments.of("tab is not stripped", "2281231\t815001", Nir.LENGTH_MESSAGE),
                Arguments.of("wrong key", "228123181500111", Nir.INVALID_MESSAGE),
                Arguments.of("key with a letter", "22812318150011X", Nir.INVALID_MESSAGE),
                Arguments.of("sex digit 0", "0281231815001", Nir.INVALID_MESSAGE),
                Arguments.of("sex digit 3", "3281231815001", Nir.INVALID_MESSAGE),
                Arguments.of("month 00", "2280031815001", Nir.INVALID_MESSAGE),
                Arguments.of("month 13", "2281331815001", Nir.INVALID_MESSAGE),
                Arguments.of("month 19", "2281931815001", Nir.INVALID_MESSAGE),
                Arguments.of("month 43", "2284331815001", Nir.INVALID_MESSAGE),
                Arguments.of("month 49", "2284931815001", Nir.INVALID_MESSAGE),
                Arguments.of("2C is no department", "253072C073004", Nir.INVALID_MESSAGE),
                Arguments.of("1A is no department", "253071A073004", Nir.INVALID_MESSAGE),
                Arguments.of("letter outside the department", "2281231815A01", Nir.INVALID_MESSAGE),
                Arguments.of("letter in the year", "2X81231815001", Nir.INVALID_MESSAGE),
                Arguments.of("non-ASCII digits", "２２８１２３１８１５００１", Nir.INVALID_MESSAGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWithAFrenchMessage(String name, String typed, String message) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Nir.parse(typed));
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> fullForms() {
        return Stream.of(
                Arguments.of("register form of the seed person", "228123181500110", true),
                Arguments.of("register form of a Corsica 2A person", "253072A07300443", true),
                Arguments.of("register form of a Corsica 2B person", "253072B07300470", true),
                Arguments.of("13 characters are not the register form", "2281231815001", false),
                Arguments.of("spaces are not the register form", "2 28 12 31 815 001 10", false),
                Arguments.of("wrong key", "228123181500111", false),
                Arguments.of("Corsica key computed the other way", "253072A07300470", false),
                Arguments.of("null", null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fullForms")
    void parsesTheRegisterForm(String name, String fullForm, boolean valid) {
        if (valid) {
            assertEquals(fullForm, Nir.parseFullForm(fullForm).fullForm());
        } else {
            assertThrows(InvalidValueException.class, () -> Nir.parseFullForm(fullForm));
        }
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("seed person", "2281231815001", "10"),
                Arguments.of("2A Corsica key", "253072A073004", "43"),
                Arguments.of("2B Corsica key", "253072B073004", "70"),
                Arguments.of("smallest key is padded", "2990575202817", "01"),
                Arguments.of("largest key", "2990575202818", "97"),
                Arguments.of("born abroad", "2951099126111", "93"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void key(String name, String digits13, String key) {
        Nir nir = new Nir(digits13);
        assertEquals(key, nir.key());
        assertEquals(digits13 + key, nir.fullForm());
    }

    static Stream<Arguments> birthParts() {
        return Stream.of(
                Arguments.of("December", "2281231815001", 28, OptionalInt.of(12)),
                Arguments.of("January", "1000175108123", 0, OptionalInt.of(1)),
                Arguments.of("unknown month 20", "1992075108123", 99, OptionalInt.empty()),
                Arguments.of("unknown month 42", "1054275108123", 5, OptionalInt.empty()),
                Arguments.of("unknown month 50", "1055075108123", 5, OptionalInt.empty()),
                Arguments.of("unknown month 99", "1059975108123", 5, OptionalInt.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("birthParts")
    void birthYearAndMonth(String name, String digits13, int year, OptionalInt month) {
        Nir nir = new Nir(digits13);
        assertEquals(year, nir.birthYearTwoDigits());
        assertEquals(month, nir.birthMonth());
    }

    static Stream<Arguments> agreements() {
        return Stream.of(
                Arguments.of("seed person and her birth date", "2281231815001", LocalDate.of(1928, 12, 3), true),
                Arguments.of("same year and month, other day", "2281231815001", LocalDate.of(1928, 12, 31), true),
                Arguments.of("century is not in the NIR (2028 agrees too)", "2281231815001", LocalDate.of(2028, 12, 3), true),
                Arguments.of("same two-digit year a century apart", "1001275108123", LocalDate.of(1900, 12, 1), true),
                Arguments.of("year 2000", "1001275108123", LocalDate.of(2000, 12, 1), true),
                Arguments.of("other year", "2281231815001", LocalDate.of(1929, 12, 3), false),
                Arguments.of("other month", "2281231815001", LocalDate.of(1928, 11, 3), false),
                Arguments.of("month 01 and January", "2280131815001", LocalDate.of(1928, 1, 15), true),
                Arguments.of("unknown month 20 agrees with any month", "2282031815001", LocalDate.of(1928, 7, 3), true),
                Arguments.of("unknown month 99 agrees with any month", "2289931815001", LocalDate.of(1928, 1, 3), true),
                Arguments.of("unknown month still checks the year", "2282031815001", LocalDate.of(1927, 7, 3), false),
                Arguments.of("Corsica person", "253072A073004", LocalDate.of(1953, 7, 14), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agreements")
    void agreesWithBirthDate(String name, String digits13, LocalDate birthDate, boolean agrees) {
        assertEquals(agrees, new Nir(digits13).agreesWith(birthDate));
    }

    static Stream<Arguments> displays() {
        return Stream.of(
                Arguments.of("seed person", "2281231815001", "2 28 12 31 815 001"),
                Arguments.of("Corsica", "253072A073004", "2 53 07 2A 073 004"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("displays")
    void displayAndToString(String name, String digits13, String display) {
        Nir nir = new Nir(digits13);
        assertEquals(display, nir.display());
        assertEquals(digits13, nir.toString());
    }

    @Test
    void equalWhenSameDigitsHoweverTyped() {
        assertEquals(Nir.parse("2 28 12 31 815 001"), Nir.parse("228123181500110"));
        assertTrue(Nir.parse("2 28 12 31 815 001").equals(new Nir("2281231815001")));
        assertFalse(Nir.parse("2281231815001").equals(new Nir("2281231815002")));
    }
}
