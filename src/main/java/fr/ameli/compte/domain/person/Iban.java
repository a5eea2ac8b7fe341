package fr.ameli.compte.domain.person;

import fr.ameli.compte.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A full IBAN, as the register stores it. Why: rows of a register extract are checked when
 * loaded (ISO 13616 mod-97 check), so that the 7 digits a person types are compared with a real
 * account number, and a mistyped extract is reported instead of silently never matching.
 */
public record Iban(String value) implements java.io.Serializable {

    /** Country letters, two check digits, then the account (15 to 34 characters in all). */
    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");

    public Iban {
        value = normalize(value);
        if (!isValid(value)) {
            throw new InvalidValueException("L'IBAN n'est pas valide.");
        }
    }

    /** Spaces removed, capitals, right shape, and the mod-97 check gives 1. */
    public static boolean isValid(String iban) {
        String compact = normalize(iban);
        return SHAPE.matcher(compact).matches() && mod97(compact.substring(4) + compact.substring(0, 4)) == 1;
    }

    private static String normalize(String iban) {
        return iban == null ? "" : iban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** Letters count as 10 (A) to 35 (Z); the remainder is kept small as we go. */
    private static int mod97(String rearranged) {
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            remainder = Character.isDigit(c)
                    ? (remainder * 10 + (c - '0')) % 97
                    : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder;
    }

    @Override
    public String toString() {
        return value;
    }
}
