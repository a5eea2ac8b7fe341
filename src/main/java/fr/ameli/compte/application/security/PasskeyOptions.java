package fr.ameli.compte.application.security;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * What the browser's {@code navigator.credentials.create()} and {@code get()} are given (WebAuthn
 * Level 3 « JSON » forms: binary values in Base64url), written with JSON-P. Registration asks for a
 * discoverable credential with user verification, attestation {@code none}, ES256 / EdDSA / RS256;
 * the user is named by a random handle and the person's name, never the NIR nor the email.
 */
public final class PasskeyOptions {

    /** How long a ceremony may take, said to the browser and on the pages (5 minutes, RGAA 13.1). */
    public static final Duration CEREMONY = Duration.ofMinutes(5);
    /** COSE algorithms: ES256, EdDSA, RS256. */
    private static final List<Integer> ALGORITHMS = List.of(-7, -8, -257);

    private PasskeyOptions() {
    }

    /**
     * {@code PublicKeyCredentialCreationOptionsJSON}.
     *
     * @param userHandle  the account's handle, Base64url
     * @param excluded    the account's credential ids, Base64url (one passkey per authenticator)
     */
    public static String creation(String rpId, byte[] challenge, String userHandle, String personName, List<String> excluded) {
        JsonArrayBuilder params = Json.createArrayBuilder();
        ALGORITHMS.forEach(alg -> params.add(Json.createObjectBuilder().add("type", "public-key").add("alg", alg)));
        JsonArrayBuilder exclude = Json.createArrayBuilder();
        excluded.forEach(id -> exclude.add(Json.createObjectBuilder().add("type", "public-key").add("id", id)));
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("rp", Json.createObjectBuilder().add("id", rpId).add("name", "Compte ameli"))
                .add("user", Json.createObjectBuilder().add("id", userHandle).add("name", personName).add("displayName", personName))
                .add("challenge", base64Url(challenge))
                .add("pubKeyCredParams", params)
                .add("timeout", CEREMONY.toMillis())
                .add("excludeCredentials", exclude)
                .add("authenticatorSelection", Json.createObjectBuilder()
                        .add("residentKey", "required").add("requireResidentKey", true).add("userVerification", "required"))
                .add("attestation", "none");
        return options.build().toString();
    }

    /** {@code PublicKeyCredentialRequestOptionsJSON}: any passkey of this service (discoverable), user verification required. */
    public static String request(String rpId, byte[] challenge) {
        return Json.createObjectBuilder()
                .add("challenge", base64Url(challenge))
                .add("rpId", rpId)
                .add("timeout", CEREMONY.toMillis())
                .add("userVerification", "required")
                .add("allowCredentials", Json.createArrayBuilder())
                .build().toString();
    }

    /** A new random challenge (32 bytes). */
    public static byte[] newChallenge() {
        byte[] challenge = new byte[32];
        new java.security.SecureRandom().nextBytes(challenge);
        return challenge;
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
