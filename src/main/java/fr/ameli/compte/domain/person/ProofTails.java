package fr.ameli.compte.domain.person;

import fr.ameli.compte.domain.shared.InvalidValueException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * What the register keeps of the two things a person types to prove who they are at the wizard's
 * verification step (PRODUCT §2.3): keyed hashes (HMAC-SHA256 with the service's secret key) of the
 * last {@value IbanTail#LENGTH} characters of the IBAN and of the last {@value VitaleSerialTail#LENGTH}
 * digits of the carte Vitale's serial — nothing else of either. Why: only the tails are ever
 * compared, so a copy of the database (or of its backups) must not hold bank details or serials;
 * and a key the database does not hold makes 10 million tails too many to try.
 *
 * <p>The one formula: the register's side ({@link #ofRegister}) and the typed side ({@link #ofTyped})
 * hash the same text, {@code iban:} or {@code vitale:} followed by the tail.
 */
public record ProofTails(String ibanTailHash, String vitaleTailHash) {

    public ProofTails {
        Objects.requireNonNull(ibanTailHash, "ibanTailHash");
        Objects.requireNonNull(vitaleTailHash, "vitaleTailHash");
    }

    /**
     * A register row's proof, from its full IBAN and serial (read from the extract, never stored).
     *
     * @throws InvalidValueException when the serial is not 11 to 32 digits
     */
    public static ProofTails ofRegister(byte[] key, Iban iban, String vitaleSerial) {
        String serial = vitaleSerial == null ? "" : vitaleSerial.replace(" ", "");
        if (!serial.matches("\\d{11,32}")) {
            throw new InvalidValueException("Le numéro de série de la carte Vitale doit comporter au moins 11 chiffres.");
        }
        String account = iban.value().toUpperCase(Locale.ROOT);
        return new ProofTails(hash(key, "iban:" + account.substring(account.length() - IbanTail.LENGTH)),
                hash(key, "vitale:" + serial.substring(serial.length() - VitaleSerialTail.LENGTH)));
    }

    /** What a person typed, hashed the same way. */
    public static ProofTails ofTyped(byte[] key, IbanTail ibanTail, VitaleSerialTail vitaleSerialTail) {
        return new ProofTails(hash(key, "iban:" + ibanTail.digits()), hash(key, "vitale:" + vitaleSerialTail.digits()));
    }

    /** Whether both tails are the same, compared in constant time. */
    public boolean matches(ProofTails typed) {
        boolean iban = MessageDigest.isEqual(ibanTailHash.getBytes(StandardCharsets.US_ASCII),
                typed.ibanTailHash.getBytes(StandardCharsets.US_ASCII));
        boolean vitale = MessageDigest.isEqual(vitaleTailHash.getBytes(StandardCharsets.US_ASCII),
                typed.vitaleTailHash.getBytes(StandardCharsets.US_ASCII));
        return iban & vitale;
    }

    private static String hash(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }
}
