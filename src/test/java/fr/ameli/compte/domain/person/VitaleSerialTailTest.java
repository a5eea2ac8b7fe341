package fr.ameli.compte.domain.person;

import fr.ameli.compte.domain.shared.InvalidValueException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VitaleSerialTailTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("as in the example", "01647314244", "01647314244"),
                Arguments.of("with spaces", "0164 7314 244", "01647314244"),
                Arguments.of("leading zeros kept", "00000000001", "00000000001"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void accepts(String name, String typed, String digits) {
        assertEquals(digits, new VitaleSerialTail(typed).digits());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("null", null),
                Arguments.of("empty", ""),
                Arguments.of("10 digits", "1647314244"),
                Arguments.of("12 digits", "901647314244"),
                Arguments.of("letter", "0164731424A"),
                Arguments.of("dots", "016.473.142.44"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String name, String typed) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new VitaleSerialTail(typed));
        assertEquals("Saisissez les 11 derniers chiffres du numéro de série de votre carte Vitale (11 chiffres).",
                e.getMessage());
    }

    static Stream<Arguments> comparisons() {
        return Stream.of(
                Arguments.of("register holds the 11 digits", "01647314244", "01647314244", true),
                Arguments.of("register holds a longer serial", "01647314244", "25001647314244", true),
                Arguments.of("register serial with spaces", "01647314244", "250 0164 7314 244", true),
                Arguments.of("other serial", "01647314245", "25001647314244", false),
                Arguments.of("register serial too short", "01647314244", "1647314244", false),
                Arguments.of("no serial in the register", "01647314244", null, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void matchesSerial(String name, String typed, String serial, boolean matches) {
        assertEquals(matches, new VitaleSerialTail(typed).matchesSerial(serial));
    }
}
