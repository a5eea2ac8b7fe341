package fr.ameli.compte.application.security;

import fr.ameli.compte.domain.person.Iban;
import fr.ameli.compte.domain.person.IbanTail;
import fr.ameli.compte.domain.person.VitaleSerialTail;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.person.ProofTails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Pseudonyms for personal data in throttling counters and the audit trail: HMAC-SHA256 with the
 * service's secret key. A plain hash of a NIR could be reversed by trying every NIR; without the
 * key it cannot, yet the same NIR always gives the same pseudonym, so operators can search.
 */
@ApplicationScoped
public class Pseudonyms {

    @Inject
    SecretKeys keys;

    public String of(Nir nir) {
        return hmac("nir:" + nir.digits13());
    }

    public String ofAddress(String clientAddress) {
        return hmac("address:" + clientAddress);
    }

    /** What is stored of a security code: keyed, so that a stolen table does not give its 6 digits away. */
    public String ofSecurityCode(long accountId, String code) {
        return hmac("security-code:" + accountId + ":" + code);
    }

    /** The signature of a remembered browser's token, for the account of {@code nir}: a cookie made up, or moved to another account, is refused unread. */
    public String ofRememberedBrowser(Nir nir, String token) {
        return hmac("remembered-browser:" + nir.digits13() + ":" + token);
    }

    /** A remembered browser in the throttling counters (its failed logins lock only it). */
    public String ofBrowser(long rememberedBrowserId) {
        return hmac("browser:" + rememberedBrowserId);
    }

    /** An agent of the espace agent in the throttling counters (their look-ups per hour): the token's subject may be long and hold any character. */
    public String ofAgent(String subject) {
        return hmac("agent:" + subject);
    }

    /** The tails a person typed at the verification step, hashed as the register keeps them (PRODUCT §2.3). */
    public ProofTails proofOf(IbanTail ibanTail, VitaleSerialTail vitaleSerialTail) {
        return ProofTails.ofTyped(keys.pseudonymKey(), ibanTail, vitaleSerialTail);
    }

    /** A register row's tails, from the extract's full IBAN and serial (never stored themselves). */
    public ProofTails proofOf(Iban iban, String vitaleSerial) {
        return ProofTails.ofRegister(keys.pseudonymKey(), iban, vitaleSerial);
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.pseudonymKey(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
