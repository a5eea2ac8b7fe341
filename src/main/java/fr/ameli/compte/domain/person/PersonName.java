package fr.ameli.compte.domain.person;

import fr.ameli.compte.domain.shared.InvalidValueException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person's name as typed or as in the register. Why: the identity check compares a typed name
 * with the register's, and people write the same name with or without accents, hyphens,
 * apostrophes or capitals; the one comparison rule is {@link #matchKey(String)}.
 */
public record PersonName(String value) implements java.io.Serializable {

    public static final int MAX_LENGTH = 80;

    private static final String LATIN_LETTER = "[\\p{L}&&\\p{IsLatin}]";
    /** Latin letters (accented ones, Œ, Æ… included), spaces, hyphens, ' and ’; one letter at least. */
    private static final Pattern ALLOWED =
            Pattern.compile("(?=.*" + LATIN_LETTER + ")(?:" + LATIN_LETTER + "|[ '’-])+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern IGNORED = Pattern.compile("[\\s'’-]+");

    public PersonName {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("Le nom est obligatoire.");
        }
        value = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("Le nom ne doit pas dépasser " + MAX_LENGTH + " caractères.");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidValueException(
                    "Le nom ne doit contenir que des lettres, des espaces, des tirets et des apostrophes.");
        }
    }

    /** A name from elsewhere (FranceConnect), if it is one we can hold. */
    public static java.util.Optional<PersonName> tryParse(String typed) {
        try {
            return java.util.Optional.of(new PersonName(typed));
        } catch (InvalidValueException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The form two names are compared in: capitals, no accents (Œ → OE, Æ → AE, ß → SS),
     * no hyphens, apostrophes or spaces. "Le Fèvre" and "LEFEVRE" give the same key.
     */
    public static String matchKey(String name) {
        String withoutMarks = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String upper = withoutMarks.toUpperCase(Locale.ROOT) // ß becomes SS here
                .replace("Œ", "OE")
                .replace("Æ", "AE");
        return IGNORED.matcher(upper).replaceAll("");
    }

    public boolean matches(PersonName other) {
        return matchKey(value).equals(matchKey(other.value));
    }

    @Override
    public String toString() {
        return value;
    }
}
