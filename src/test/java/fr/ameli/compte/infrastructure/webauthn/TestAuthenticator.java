package fr.ameli.compte.infrastructure.webauthn;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A passkey authenticator for tests, as a phone or a security key would answer, its data written
 * with webauthn4j's own model and converters (no hand-written CBOR or COSE) and its signatures made
 * with the JDK: one ES256 credential, discoverable, with a user handle, a counter, and the flags a
 * test may turn off (user verification) or the answers it may spoil (origin, RP ID, signature).
 * The browser's JSON is that of {@code PublicKeyCredential.toJSON()}.
 */
public final class TestAuthenticator {

    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final byte UP = 0x01;
    private static final byte UV = 0x04;
    private static final byte BE = 0x08;
    private static final byte BS = 0x10;
    private static final byte AT = 0x40;

    private final KeyPair keys;
    private final byte[] credentialId = new byte[32];
    private long counter;
    /** What the next answer says; a test changes them to spoil it. */
    public String origin;
    public boolean userVerified = true;
    public boolean badSignature;
    public String answeredRpId;

    public TestAuthenticator(String rpId, String origin) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(credentialId);
        this.answeredRpId = rpId;
        this.origin = origin;
    }

    public String credentialId() {
        return b64(credentialId);
    }

    /** The counter the next signature carries is this one plus one; a test may set it back (a clone). */
    public void counter(long value) {
        counter = value;
    }

    /** The answer of {@code navigator.credentials.create()} to this challenge (attestation « none »). */
    public String register(byte[] challenge) {
        byte[] clientData = clientData("webauthn.create", challenge);
        AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        AuthenticatorData<com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput> data =
                new AuthenticatorData<>(sha256(answeredRpId.getBytes(StandardCharsets.UTF_8)), flags(AT), ++counter, attested);
        byte[] attestationObject = new AttestationObjectConverter(CONVERTER).convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
        return "{\"id\":\"" + credentialId() + "\",\"rawId\":\"" + credentialId() + "\",\"type\":\"public-key\","
                + "\"authenticatorAttachment\":\"platform\",\"clientExtensionResults\":{},\"response\":{"
                + "\"clientDataJSON\":\"" + b64(clientData) + "\",\"attestationObject\":\"" + b64(attestationObject) + "\","
                + "\"transports\":[\"internal\",\"hybrid\"]}}";
    }

    /** The answer of {@code navigator.credentials.get()} to this challenge, naming {@code userHandle} (Base64url; null: none). */
    public String assert_(byte[] challenge, String userHandle) {
        byte[] clientData = clientData("webauthn.get", challenge);
        byte[] authenticatorData = new AuthenticatorDataConverter(CONVERTER).convert(
                new AuthenticatorData<>(sha256(answeredRpId.getBytes(StandardCharsets.UTF_8)), flags((byte) 0), ++counter));
        byte[] signed = ByteBuffer.allocate(authenticatorData.length + 32).put(authenticatorData).put(sha256(clientData)).array();
        byte[] signature = sign(signed);
        if (badSignature) {
            signature[signature.length - 1] ^= 1;
        }
        return "{\"id\":\"" + credentialId() + "\",\"rawId\":\"" + credentialId() + "\",\"type\":\"public-key\","
                + "\"authenticatorAttachment\":\"platform\",\"clientExtensionResults\":{},\"response\":{"
                + "\"clientDataJSON\":\"" + b64(clientData) + "\",\"authenticatorData\":\"" + b64(authenticatorData) + "\","
                + "\"signature\":\"" + b64(signature) + "\"" + (userHandle == null ? "" : ",\"userHandle\":\"" + userHandle + "\"") + "}}";
    }

    private byte flags(byte extra) {
        return (byte) (UP | (userVerified ? UV : 0) | BE | BS | extra);
    }

    private byte[] clientData(String type, byte[] challenge) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + b64(challenge) + "\",\"origin\":\"" + origin + "\",\"crossOrigin\":false}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] sign(byte[] data) {
        try {
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(keys.getPrivate());
            ecdsa.update(data);
            return ecdsa.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The service's ceremonies as a deployment at {@code baseUrl} with that RP ID would run them. */
    public static WebAuthn4jCeremonies ceremonies(String baseUrl, String rpId) {
        WebAuthn4jCeremonies ceremonies = new WebAuthn4jCeremonies();
        ceremonies.config = new fr.ameli.compte.infrastructure.config.AmeliConfig() {
            @Override
            public java.net.URI baseUrl() {
                return java.net.URI.create(baseUrl);
            }

            @Override
            public String passkeysRpId() {
                return rpId;
            }
        };
        return ceremonies;
    }
}
