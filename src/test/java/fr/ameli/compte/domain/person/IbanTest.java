package fr.ameli.compte.domain.person;

import fr.ameli.compte.domain.shared.InvalidValueException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IbanTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("seed person's IBAN", "FR7620041010160000433910173", true),
                Arguments.of("seed person's IBAN grouped by four", "FR76 2004 1010 1600 0043 3910 173", true),
                Arguments.of("lowercase", "fr7620041010160000433910173", true),
                Arguments.of("German example", "DE89370400440532013000", true),
                Arguments.of("letters in the account (UK)", "GB82WEST12345698765432", true),
                Arguments.of("Belgian, 16 characters", "BE68539007547034", true),
                Arguments.of("Norwegian, 15 characters (shortest)", "NO9386011117947", true),
                Arguments.of("one digit changed", "FR7620041010160000433910174", false),
                Arguments.of("two digits swapped", "FR7620041010160000433910137", false),
                Arguments.of("wrong check digits", "FR7720041010160000433910173", false),
                Arguments.of("14 characters", "NO938601111794", false),
                Arguments.of("35 characters", "FR76" + "1".repeat(31), false),
                Arguments.of("no country letters", "7620041010160000433910173", false),
                Arguments.of("punctuation", "FR76-2004-1010-1600-0043-3910-173", false),
                Arguments.of("empty", "", false),
                Arguments.of("null", null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void iban(String name, String typed, boolean valid) {
        assertEquals(valid, Iban.isValid(typed));
        if (valid) {
            assertEquals(typed.replace(" ", "").toUpperCase(), new Iban(typed).value());
        } else {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> new Iban(typed));
            assertEquals("L'IBAN n'est pas valide.", e.getMessage());
        }
    }
}
