package fr.ameli.compte.domain.person;

import fr.ameli.compte.domain.shared.InvalidValueException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PersonNameTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("capitals", "TOTO", "TOTO"),
                Arguments.of("trimmed", "  Toto \t", "Toto"),
                Arguments.of("accents", "Lefèvre", "Lefèvre"),
                Arguments.of("cedilla and diaeresis", "François Noël", "François Noël"),
                Arguments.of("ligatures", "Œuvray Lætitia", "Œuvray Lætitia"),
                Arguments.of("hyphen", "Jean-Pierre", "Jean-Pierre"),
                Arguments.of("straight apostrophe", "D'Artagnan", "D'Artagnan"),
                Arguments.of("typographic apostrophe", "D’Artagnan", "D’Artagnan"),
                Arguments.of("eszett", "Strauß", "Strauß"),
                Arguments.of("decomposed accent is recomposed", "Lefe\u0300vre", "Lefèvre"),
                Arguments.of("one letter", "X", "X"),
                Arguments.of("80 characters", "A".repeat(80), "A".repeat(80)),
                Arguments.of("inner repeated spaces kept", "Le  Fèvre", "Le  Fèvre"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void accepts(String name, String typed, String value) {
        assertEquals(value, new PersonName(typed).value());
    }

    static Stream<Arguments> refused() {
        String onlyAllowed = "Le nom ne doit contenir que des lettres, des espaces, des tirets et des apostrophes.";
        return Stream.of(
                Arguments.of("null", null, "Le nom est obligatoire."),
                Arguments.of("empty", "", "Le nom est obligatoire."),
                Arguments.of("blank", "   ", "Le nom est obligatoire."),
                Arguments.of("81 characters", "A".repeat(81), "Le nom ne doit pas dépasser 80 caractères."),
                Arguments.of("digit", "Toto2", onlyAllowed),
                Arguments.of("at sign", "toto@ameli", onlyAllowed),
                Arguments.of("dot", "St. Pierre", onlyAllowed),
                Arguments.of("underscore", "Le_Fèvre", onlyAllowed),
                Arguments.of("only a hyphen", "-", onlyAllowed),
                Arguments.of("only apostrophes", "''", onlyAllowed),
                Arguments.of("Cyrillic letters", "Иванов", onlyAllowed),
                Arguments.of("Greek letters", "Παπαδόπουλος", onlyAllowed),
                Arguments.of("emoji", "Toto 😀", onlyAllowed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refuses(String name, String typed, String message) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new PersonName(typed));
        assertEquals(message, e.getMessage());
    }

    static Stream<Arguments> comparisons() {
        return Stream.of(
                Arguments.of("same name", "TOTO", "TOTO", true),
                Arguments.of("case ignored", "Toto", "TOTO", true),
                Arguments.of("accent ignored", "Lefèvre", "LEFEVRE", true),
                Arguments.of("space ignored", "Le Fèvre", "LEFEVRE", true),
                Arguments.of("repeated spaces ignored", "Le   Fèvre", "le fevre", true),
                Arguments.of("straight apostrophe ignored", "D'Artagnan", "DARTAGNAN", true),
                Arguments.of("typographic apostrophe ignored", "D’Artagnan", "d'artagnan", true),
                Arguments.of("hyphen equals space", "Jean-Pierre", "JEAN PIERRE", true),
                Arguments.of("Œ ligature", "Œuvray", "OEUVRAY", true),
                Arguments.of("œ ligature lowercase", "Cœur", "COEUR", true),
                Arguments.of("Æ ligature", "Lætitia", "LAETITIA", true),
                Arguments.of("eszett", "Strauß", "STRAUSS", true),
                Arguments.of("cedilla", "François", "FRANCOIS", true),
                Arguments.of("diaeresis", "Noël", "NOEL", true),
                Arguments.of("decomposed accent", "Lefe\u0300vre", "Lefèvre", true),
                Arguments.of("different letter", "TOTO", "TITO", false),
                Arguments.of("extra letter", "TOTO", "TOTOS", false),
                Arguments.of("prefix only", "Le Fèvre", "FEVRE", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void matches(String name, String first, String second, boolean same) {
        PersonName a = new PersonName(first);
        PersonName b = new PersonName(second);
        assertEquals(same, a.matches(b));
        assertEquals(same, b.matches(a), "symmetric");
        assertEquals(same, PersonName.matchKey(first).equals(PersonName.matchKey(second)));
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("accents and spaces", "Le Fèvre", "LEFEVRE"),
                Arguments.of("apostrophe and hyphen", "D’Artagnan-Dupré", "DARTAGNANDUPRE"),
                Arguments.of("ligatures and eszett", "Œdipe Æther Strauß", "OEDIPEAETHERSTRAUSS"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void matchKey(String name, String typed, String key) {
        assertEquals(key, PersonName.matchKey(typed));
    }
}
