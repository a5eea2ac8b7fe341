package fr.ameli.compte.domain.account;

import fr.ameli.compte.domain.shared.InvalidValueException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmailAddressTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("plain", "toto@example.fr", "toto@example.fr"),
                Arguments.of("trimmed", "  toto@example.fr ", "toto@example.fr"),
                Arguments.of("domain lowercased, local part kept", "Toto.Dupont@Example.FR", "Toto.Dupont@example.fr"),
                Arguments.of("dots, plus and hyphen in local part", "jean-pierre.dupont+ameli@example.fr",
                        "jean-pierre.dupont+ameli@example.fr"),
                Arguments.of("subdomains", "toto@mail.mairie-saint-thomas.fr", "toto@mail.mairie-saint-thomas.fr"),
                Arguments.of("digits in domain", "toto@123mail.com", "toto@123mail.com"),
                Arguments.of("punycode top-level domain", "toto@example.xn--p1ai", "toto@example.xn--p1ai"),
                Arguments.of("254 characters", "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61),
                        "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void accepts(String name, String typed, String value) {
        assertEquals(value, new EmailAddress(typed).value());
    }

    static Stream<Arguments> refused() {
        String invalid = "L'adresse email n'est pas valide : elle doit être de la forme nom@domaine.fr, par exemple josette.dupont@exemple.fr.";
        return Stream.of(
                Arguments.of("null", null, "L'adresse email est obligatoire."),
                Arguments.of("blank", "  ", "L'adresse email est obligatoire."),
                Arguments.of("no at sign", "toto.example.fr", invalid),
                Arguments.of("two at signs", "toto@titi@example.fr", invalid),
                Arguments.of("nothing before the at sign", "@example.fr", invalid),
                Arguments.of("nothing after the at sign", "toto@", invalid),
                Arguments.of("domain without a dot", "toto@localhost", invalid),
                Arguments.of("space inside", "to to@example.fr", invalid),
                Arguments.of("space in domain", "toto@exam ple.fr", invalid),
                Arguments.of("leading dot in local part", ".toto@example.fr", invalid),
                Arguments.of("double dot in local part", "to..to@example.fr", invalid),
                Arguments.of("trailing dot in domain", "toto@example.fr.", invalid),
                Arguments.of("double dot in domain", "toto@example..fr", invalid),
                Arguments.of("label starting with a hyphen", "toto@-example.fr", invalid),
                Arguments.of("label ending with a hyphen", "toto@example-.fr", invalid),
                Arguments.of("underscore in domain", "toto@exa_mple.fr", invalid),
                Arguments.of("one-letter top-level domain", "toto@example.f", invalid),
                Arguments.of("numeric top-level domain", "toto@example.123", invalid),
                Arguments.of("accent in domain", "toto@exemple.fé", invalid),
                Arguments.of("comma instead of dot", "toto@example,fr", invalid),
                Arguments.of("local part of 65 characters", "a".repeat(65) + "@example.fr", invalid),
                Arguments.of("255 characters", "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(62),
                        invalid));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String name, String typed, String message) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new EmailAddress(typed));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "marie.toto@example.fr, m•••@example.fr",
            "m@example.fr, m•••@example.fr",
            "Jean-Pierre.Dupont@mairie-st-thomas.fr, J•••@mairie-st-thomas.fr"})
    void shows_the_first_letter_and_the_domain_only(String address, String masked) {
        assertEquals(masked, new EmailAddress(address).masked());
    }
}
