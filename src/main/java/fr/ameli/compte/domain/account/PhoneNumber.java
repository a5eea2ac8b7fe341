package fr.ameli.compte.domain.account;

import fr.ameli.compte.domain.shared.InvalidValueException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A French phone number, mobile or landline, kept in its 10-digit national form (0612345678).
 * Why: people type it with spaces, dots, hyphens or +33 / 0033; normalizing once here means it
 * is stored and compared in one form, and a landline cannot be given where a mobile is needed.
 */
public record PhoneNumber(Kind kind, String national) implements java.io.Serializable {

    public enum Kind {
        /** 06 or 07. */
        MOBILE(Pattern.compile("0[67]\\d{8}"), "Le numéro de téléphone portable n'est pas valide : saisissez 10 chiffres commençant par 06 ou 07, par exemple 06 12 34 56 78."),
        /** 01 to 05, or 09. */
        LANDLINE(Pattern.compile("0[1-59]\\d{8}"), "Le numéro de téléphone fixe n'est pas valide : saisissez 10 chiffres commençant par 01 à 05 ou 09, par exemple 01 23 45 67 89.");

        private final Pattern nationalForm;
        private final String invalidMessage;

        Kind(Pattern nationalForm, String invalidMessage) {
            this.nationalForm = nationalForm;
            this.invalidMessage = invalidMessage;
        }
    }

    private static final Pattern SEPARATORS = Pattern.compile("[ .-]");

    public PhoneNumber {
        Objects.requireNonNull(kind, "kind");
        if (national == null || !kind.nationalForm.matcher(national).matches()) {
            throw new InvalidValueException(kind.invalidMessage);
        }
    }

    public static PhoneNumber mobile(String typed) {
        return new PhoneNumber(Kind.MOBILE, toNational(typed));
    }

    public static PhoneNumber landline(String typed) {
        return new PhoneNumber(Kind.LANDLINE, toNational(typed));
    }

    /** Separators removed; +33 or 0033 replaced by the leading 0. */
    private static String toNational(String typed) {
        if (typed == null) {
            return null;
        }
        String compact = SEPARATORS.matcher(typed.strip()).replaceAll("");
        if (compact.startsWith("+33")) {
            return "0" + compact.substring(3);
        }
        if (compact.startsWith("0033")) {
            return "0" + compact.substring(4);
        }
        return compact;
    }

    /** "06 12 34 56 78". */
    public String display() {
        return String.join(" ", national.substring(0, 2), national.substring(2, 4),
                national.substring(4, 6), national.substring(6, 8), national.substring(8, 10));
    }

    @Override
    public String toString() {
        return national;
    }
}
