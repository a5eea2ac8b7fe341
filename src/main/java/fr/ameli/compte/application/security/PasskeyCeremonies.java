package fr.ameli.compte.application.security;

import java.io.Serial;
import java.util.Set;

/**
 * The WebAuthn checks of a passkey (PRODUCT §2.11, §2.1), done by a library in the infrastructure
 * (webauthn4j): every check the standard asks of a relying party — the challenge this session was
 * given, the origin and the RP ID of the service ({@code ameli.base-url}, {@code ameli.passkeys.rp-id}),
 * user verification present, the signature with the credential's public key, the signature counter
 * not gone backwards. The browser's answers come as the JSON of {@code PublicKeyCredential.toJSON()}.
 */
public interface PasskeyCeremonies {

    /** Why an answer was refused: for the audit trail and the log, never shown as such to the person. */
    enum Reason { MALFORMED, CHALLENGE, ORIGIN, RP_ID, USER_VERIFICATION, SIGNATURE, COUNTER, OTHER }

    /** The answer does not check. */
    class Refused extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;
        private final Reason reason;

        public Refused(Reason reason, String message) {
            super(reason + ": " + message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /**
     * A new credential, verified: what is kept of it.
     *
     * @param credentialId       the credential id, Base64url
     * @param attestedCredential the attested credential data (credential id and public key), Base64url
     */
    record NewCredential(String credentialId, String attestedCredential, long signCount, boolean uvInitialized, boolean backupEligible,
                         boolean backedUp, Set<String> transports) {
    }

    /** A credential as it was kept, for the next login's checks. */
    record StoredCredential(String attestedCredential, long signCount, boolean uvInitialized, boolean backupEligible, boolean backedUp,
                            Set<String> transports) {
    }

    /** What an assertion says before it is checked: which credential, and the user handle it names (null if none). */
    record Claimed(String credentialId, String userHandle) {
    }

    /** A verified assertion: the counter and backup state the authenticator now gives. */
    record Verified(long signCount, boolean backedUp) {
    }

    /** Checks the answer of {@code navigator.credentials.create()} to the challenge this session was given. */
    NewCredential register(String responseJson, byte[] challenge) throws Refused;

    /** Reads which credential an answer of {@code navigator.credentials.get()} claims to be, without checking it. */
    Claimed claimed(String responseJson) throws Refused;

    /** Checks that answer against the challenge this session was given and the credential kept. */
    Verified authenticate(String responseJson, byte[] challenge, StoredCredential stored) throws Refused;

    /** The credential id (Base64url) of kept attested credential data. */
    String credentialId(String attestedCredential);

    /** The RP ID the service uses (the authenticators scope passkeys by it). */
    String rpId();
}
