package fr.ameli.compte.domain.account;

import fr.ameli.compte.domain.shared.InvalidValueException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.ameli.compte.domain.account.PhoneNumber.Kind;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PhoneNumberTest {

    private static final String MOBILE_MESSAGE = "Le numéro de téléphone portable n'est pas valide : saisissez 10 chiffres commençant par 06 ou 07, par exemple 06 12 34 56 78.";
    private static final String LANDLINE_MESSAGE = "Le numéro de téléphone fixe n'est pas valide : saisissez 10 chiffres commençant par 01 à 05 ou 09, par exemple 01 23 45 67 89.";

    static Stream<Arguments> mobiles() {
        return Stream.of(
                Arguments.of("06 compact", "0612345678", "0612345678"),
                Arguments.of("07 compact", "0712345678", "0712345678"),
                Arguments.of("spaces", "06 12 34 56 78", "0612345678"),
                Arguments.of("dots", "06.12.34.56.78", "0612345678"),
                Arguments.of("hyphens", "06-12-34-56-78", "0612345678"),
                Arguments.of("surrounding spaces", "  0612345678 ", "0612345678"),
                Arguments.of("+33 6", "+33 6 12 34 56 78", "0612345678"),
                Arguments.of("+33 7 compact", "+33712345678", "0712345678"),
                Arguments.of("0033 6", "0033 6 12 34 56 78", "0612345678"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mobiles")
    void mobile(String name, String typed, String national) {
        PhoneNumber phone = PhoneNumber.mobile(typed);
        assertEquals(Kind.MOBILE, phone.kind());
        assertEquals(national, phone.national());
    }

    static Stream<Arguments> landlines() {
        return Stream.of(
                Arguments.of("01 Paris", "01 23 45 67 89", "0123456789"),
                Arguments.of("02", "0223456789", "0223456789"),
                Arguments.of("03", "0323456789", "0323456789"),
                Arguments.of("04", "0423456789", "0423456789"),
                Arguments.of("05 Toulouse", "05.61.23.45.67", "0561234567"),
                Arguments.of("09 box", "09-12-34-56-78", "0912345678"),
                Arguments.of("+33 5", "+33 5 61 23 45 67", "0561234567"),
                Arguments.of("0033 1", "0033 1 23 45 67 89", "0123456789"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("landlines")
    void landline(String name, String typed, String national) {
        PhoneNumber phone = PhoneNumber.landline(typed);
        assertEquals(Kind.LANDLINE, phone.kind());
        assertEquals(national, phone.national());
    }

    static Stream<Arguments> refused() {
        Function<String, PhoneNumber> mobile = PhoneNumber::mobile;
        Function<String, PhoneNumber> landline = PhoneNumber::landline;
        return Stream.of(
                Arguments.of("mobile: null", mobile, null, MOBILE_MESSAGE),
                Arguments.of("mobile: empty", mobile, "", MOBILE_MESSAGE),
                Arguments.of("mobile: landline given", mobile, "0123456789", MOBILE_MESSAGE),
                Arguments.of("mobile: 08 number", mobile, "0812345678", MOBILE_MESSAGE),
                Arguments.of("mobile: 9 digits", mobile, "061234567", MOBILE_MESSAGE),
                Arguments.of("mobile: 11 digits", mobile, "06123456789", MOBILE_MESSAGE),
                Arguments.of("mobile: without leading 0", mobile, "612345678", MOBILE_MESSAGE),
                Arguments.of("mobile: +33 then 0", mobile, "+33 06 12 34 56 78", MOBILE_MESSAGE),
                Arguments.of("mobile: other country", mobile, "+32 6 12 34 56 78", MOBILE_MESSAGE),
                Arguments.of("mobile: letter", mobile, "06 12 34 56 7O", MOBILE_MESSAGE),
                Arguments.of("mobile: slashes", mobile, "06/12/34/56/78", MOBILE_MESSAGE),
                Arguments.of("landline: null", landline, null, LANDLINE_MESSAGE),
                Arguments.of("landline: mobile given", landline, "0612345678", LANDLINE_MESSAGE),
                Arguments.of("landline: 07 given", landline, "0712345678", LANDLINE_MESSAGE),
                Arguments.of("landline: 08 number", landline, "0812345678", LANDLINE_MESSAGE),
                Arguments.of("landline: 00 prefix alone", landline, "0012345678", LANDLINE_MESSAGE),
                Arguments.of("landline: 9 digits", landline, "012345678", LANDLINE_MESSAGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String name, Function<String, PhoneNumber> factory, String typed, String message) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> factory.apply(typed));
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> constructed() {
        return Stream.of(
                Arguments.of("mobile kind with landline digits", Kind.MOBILE, "0123456789", MOBILE_MESSAGE),
                Arguments.of("landline kind with mobile digits", Kind.LANDLINE, "0612345678", LANDLINE_MESSAGE),
                Arguments.of("international form is not the national form", Kind.MOBILE, "+33612345678", MOBILE_MESSAGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructed")
    void constructorChecksKindAndForm(String name, Kind kind, String national, String message) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new PhoneNumber(kind, national));
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> displays() {
        return Stream.of(
                Arguments.of("mobile", PhoneNumber.mobile("+33612345678"), "06 12 34 56 78"),
                Arguments.of("landline", PhoneNumber.landline("0561234567"), "05 61 23 45 67"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("displays")
    void display(String name, PhoneNumber phone, String display) {
        assertEquals(display, phone.display());
    }
}
