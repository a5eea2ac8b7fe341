package fr.ameli.compte.domain.person;

import fr.ameli.compte.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/**
 * The last 11 digits of the carte Vitale's serial number, typed to prove who one is. Why: only a
 * tail is asked for, so its comparison with the register's full serial lives here.
 */
public record VitaleSerialTail(String digits) implements java.io.Serializable {

    public static final int LENGTH = 11;
    private static final Pattern ELEVEN_DIGITS = Pattern.compile("\\d{" + LENGTH + "}");

    public VitaleSerialTail {
        digits = digits == null ? "" : digits.replace(" ", "");
        if (!ELEVEN_DIGITS.matcher(digits).matches()) {
            throw new InvalidValueException(
                    "Saisissez les 11 derniers chiffres du numéro de série de votre carte Vitale (11 chiffres).");
        }
    }

    /** True when the serial, spaces removed, ends with these 11 digits. */
    public boolean matchesSerial(String fullSerial) {
        return fullSerial != null && fullSerial.replace(" ", "").endsWith(digits);
    }

    @Override
    public String toString() {
        return digits;
    }
}
