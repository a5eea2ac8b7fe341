package fr.ameli.compte.domain.person;

import fr.ameli.compte.domain.shared.InvalidValueException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IbanTailTest {

    private static final String SEED_IBAN = "FR7620041010160000433910173";

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("as in the example", "3910 173", "3910173"),
                Arguments.of("no spaces", "3910173", "3910173"),
                Arguments.of("spaces everywhere", " 3 9 1 0 1 7 3 ", "3910173"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void accepts(String name, String typed, String digits) {
        assertEquals(digits, new IbanTail(typed).digits());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("null", null),
                Arguments.of("empty", ""),
                Arguments.of("6 digits", "910173"),
                Arguments.of("8 digits", "39101730"),
                Arguments.of("letter", "391017A"),
                Arguments.of("hyphen", "3910-173"),
                Arguments.of("whole IBAN", SEED_IBAN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String name, String typed) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new IbanTail(typed));
        assertEquals("Saisissez les 7 derniers chiffres de votre IBAN (7 chiffres).", e.getMessage());
    }

    static Stream<Arguments> comparisons() {
        return Stream.of(
                Arguments.of("seed person's tail", "3910 173", SEED_IBAN, true),
                Arguments.of("register IBAN with spaces", "3910173", "FR76 2004 1010 1600 0043 3910 173", true),
                Arguments.of("other tail", "3910174", SEED_IBAN, false),
                Arguments.of("digits from the middle", "1600004", SEED_IBAN, false),
                Arguments.of("IBAN shorter than the tail", "3910173", "391017", false),
                Arguments.of("no IBAN in the register", "3910173", null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void matchesIban(String name, String typed, String iban, boolean matches) {
        assertEquals(matches, new IbanTail(typed).matchesIban(iban));
    }
}
