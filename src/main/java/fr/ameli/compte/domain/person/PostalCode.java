package fr.ameli.compte.domain.person;

import fr.ameli.compte.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A French postal code. Why: it is one of the four identity fields compared with the register,
 * so it is normalized (spaces removed) before comparison and malformed ones are refused early.
 */
public record PostalCode(String value) implements java.io.Serializable {

    private static final Pattern FIVE_DIGITS = Pattern.compile("\\d{5}");

    public PostalCode {
        value = value == null ? "" : value.replace(" ", "");
        if (!FIVE_DIGITS.matcher(value).matches()) {
            throw new InvalidValueException("Le code postal doit comporter 5 chiffres.");
        }
        if (value.startsWith("00")) {
            throw new InvalidValueException("Le code postal n'est pas valide.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
