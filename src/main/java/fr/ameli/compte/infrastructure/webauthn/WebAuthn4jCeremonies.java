package fr.ameli.compte.infrastructure.webauthn;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.util.Base64UrlUtil;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import fr.ameli.compte.application.security.PasskeyCeremonies;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link PasskeyCeremonies} with webauthn4j (the library Keycloak uses). Attestation {@code none} is
 * all we ask (we trust no maker's list: any authenticator the person has will do), so the library's
 * non-strict manager; everything else is checked as WebAuthn Level 2 says: challenge, origin, RP ID
 * hash, user presence and verification, the algorithm (ES256, EdDSA, RS256), the signature, the
 * counter. The expected origin is {@code ameli.base-url}'s; with the RP ID {@code localhost} (the demo,
 * the tests) any port of {@code http://localhost} — no one but the person's own machine serves it.
 */
@ApplicationScoped
public class WebAuthn4jCeremonies implements PasskeyCeremonies {

    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    private final ObjectConverter converter = new ObjectConverter();
    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);
    private final AttestedCredentialDataConverter attested = new AttestedCredentialDataConverter(converter);

    @Inject
    AmeliConfig config;

    @Override
    public String credentialId(String attestedCredential) {
        return Base64UrlUtil.encodeToString(attested.extractCredentialId(Base64UrlUtil.decode(attestedCredential)));
    }

    @Override
    public String rpId() {
        return config.passkeysRpId();
    }

    @Override
    public NewCredential register(String responseJson, byte[] challenge) throws Refused {
        RegistrationData data = parse(() -> manager.parseRegistrationResponseJSON(responseJson));
        verify(() -> manager.verify(data, new RegistrationParameters(server(challenge), ALGORITHMS, true, true)));
        AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData credential = authenticator.getAttestedCredentialData();
        Set<String> transports = data.getTransports() == null ? Set.of()
                : data.getTransports().stream().map(AuthenticatorTransport::getValue).collect(Collectors.toSet());
        return new NewCredential(Base64UrlUtil.encodeToString(credential.getCredentialId()), Base64UrlUtil.encodeToString(attested.convert(credential)),
                authenticator.getSignCount(), authenticator.isFlagUV(), authenticator.isFlagBE(), authenticator.isFlagBS(), transports);
    }

    @Override
    public Claimed claimed(String responseJson) throws Refused {
        AuthenticationData data = parse(() -> manager.parseAuthenticationResponseJSON(responseJson));
        byte[] handle = data.getUserHandle();
        return new Claimed(Base64UrlUtil.encodeToString(data.getCredentialId()), handle == null ? null : Base64UrlUtil.encodeToString(handle));
    }

    @Override
    public Verified authenticate(String responseJson, byte[] challenge, StoredCredential stored) throws Refused {
        AuthenticationData data = parse(() -> manager.parseAuthenticationResponseJSON(responseJson));
        AttestedCredentialData credential = parse(() -> attested.convert(Base64UrlUtil.decode(stored.attestedCredential())));
        Set<AuthenticatorTransport> transports = stored.transports().stream().map(AuthenticatorTransport::create).collect(Collectors.toSet());
        CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), stored.uvInitialized(), stored.backupEligible(),
                stored.backedUp(), stored.signCount(), credential, null, null, null, transports);
        verify(() -> manager.verify(data, new AuthenticationParameters(server(challenge), record, List.of(credential.getCredentialId()), true, true)));
        AuthenticatorData<?> authenticator = data.getAuthenticatorData();
        return new Verified(authenticator.getSignCount(), authenticator.isFlagBS());
    }

    /** This service as the relying party, for this challenge. */
    private ServerProperty server(byte[] challenge) {
        String rpId = config.passkeysRpId();
        URI base = config.baseUrl();
        Origin expected = new Origin(base.getScheme() + "://" + base.getRawAuthority());
        ServerProperty.Builder server = ServerProperty.builder().rpId(rpId).challenge(new DefaultChallenge(challenge));
        if ("localhost".equals(rpId)) {
            return server.originPredicate(origin -> expected.equals(origin)
                    || "http".equals(origin.getScheme()) && "localhost".equals(origin.getHost())).build();
        }
        return server.origin(expected).build();
    }

    private interface Parse<T> {
        T run();
    }

    private static <T> T parse(Parse<T> parse) throws Refused {
        try {
            return parse.run();
        } catch (RuntimeException e) {
            // Whatever the browser sent: the library's conversion errors, Jackson's, a missing field.
            throw new Refused(Reason.MALFORMED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private interface Check {
        void run();
    }

    private static void verify(Check check) throws Refused {
        try {
            check.run();
        } catch (BadChallengeException e) {
            throw new Refused(Reason.CHALLENGE, e.getMessage());
        } catch (BadOriginException e) {
            throw new Refused(Reason.ORIGIN, e.getMessage());
        } catch (BadRpIdException e) {
            throw new Refused(Reason.RP_ID, e.getMessage());
        } catch (UserNotVerifiedException e) {
            throw new Refused(Reason.USER_VERIFICATION, e.getMessage());
        } catch (BadSignatureException e) {
            throw new Refused(Reason.SIGNATURE, e.getMessage());
        } catch (MaliciousCounterValueException e) {
            throw new Refused(Reason.COUNTER, e.getMessage());
        } catch (VerificationException | DataConversionException e) {
            throw new Refused(Reason.OTHER, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new Refused(Reason.MALFORMED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
