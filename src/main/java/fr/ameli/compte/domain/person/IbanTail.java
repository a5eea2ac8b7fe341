package fr.ameli.compte.domain.person;

import fr.ameli.compte.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The last 7 digits of the IBAN a person types to prove who they are. Why: only a tail is asked
 * for, so the comparison with the register's full IBAN lives here and nowhere else.
 */
public record IbanTail(String digits) implements java.io.Serializable {

    public static final int LENGTH = 7;
    private static final Pattern SEVEN_DIGITS = Pattern.compile("\\d{" + LENGTH + "}");

    public IbanTail {
        digits = digits == null ? "" : digits.replace(" ", "");
        if (!SEVEN_DIGITS.matcher(digits).matches()) {
            throw new InvalidValueException("Saisissez les 7 derniers chiffres de votre IBAN (7 chiffres).");
        }
    }

    /** True when the IBAN, spaces removed, ends with these 7 digits. */
    public boolean matchesIban(String fullIban) {
        return fullIban != null && fullIban.replace(" ", "").toUpperCase(Locale.ROOT).endsWith(digits);
    }

    @Override
    public String toString() {
        return digits;
    }
}
