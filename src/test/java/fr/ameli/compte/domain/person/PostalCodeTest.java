package fr.ameli.compte.domain.person;

import fr.ameli.compte.domain.shared.InvalidValueException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PostalCodeTest {

    static Stream<Arguments> cases() {
        String fiveDigits = "Le code postal doit comporter 5 chiffres.";
        return Stream.of(
                Arguments.of("Saint-Thomas", "31470", "31470", null),
                Arguments.of("surrounding spaces", " 31470 ", "31470", null),
                Arguments.of("inner space", "31 470", "31470", null),
                Arguments.of("Corsica", "20000", "20000", null),
                Arguments.of("overseas", "97400", "97400", null),
                Arguments.of("starts with 01", "01000", "01000", null),
                Arguments.of("null", null, null, fiveDigits),
                Arguments.of("empty", "", null, fiveDigits),
                Arguments.of("4 digits", "3147", null, fiveDigits),
                Arguments.of("6 digits", "314700", null, fiveDigits),
                Arguments.of("letter", "3147O", null, fiveDigits),
                Arguments.of("Corsica department letters", "2A000", null, fiveDigits),
                Arguments.of("hyphen", "31-470", null, fiveDigits),
                Arguments.of("starts with 00", "00470", null, "Le code postal n'est pas valide."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void postalCode(String name, String typed, String value, String message) {
        if (message == null) {
            assertEquals(value, new PostalCode(typed).value());
        } else {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> new PostalCode(typed));
            assertEquals(message, e.getMessage());
        }
    }
}
