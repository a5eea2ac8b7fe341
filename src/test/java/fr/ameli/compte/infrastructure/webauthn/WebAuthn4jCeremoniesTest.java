package fr.ameli.compte.infrastructure.webauthn;

import fr.ameli.compte.application.security.PasskeyCeremonies;
import fr.ameli.compte.application.security.PasskeyCeremonies.Reason;
import fr.ameli.compte.application.security.PasskeyOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The passkey ceremonies as the relying party checks them (WebAuthn Level 2 §7), with an
 * authenticator made of webauthn4j's own data model ({@link TestAuthenticator}): a registration and
 * a login that check, then each way an answer can be wrong — refused, and why.
 */
class WebAuthn4jCeremoniesTest {

    private static final String ORIGIN = "https://compte.ameli.fr";

    private static WebAuthn4jCeremonies ceremonies(String baseUrl, String rpId) {
        return TestAuthenticator.ceremonies(baseUrl, rpId);
    }

    private final WebAuthn4jCeremonies service = ceremonies(ORIGIN + "/", "ameli.fr");

    /** An authenticator with a passkey registered here, and what the service kept of it. */
    private record Registered(TestAuthenticator authenticator, PasskeyCeremonies.StoredCredential stored) {
    }

    private Registered registered() throws Exception {
        TestAuthenticator authenticator = new TestAuthenticator("ameli.fr", ORIGIN);
        byte[] challenge = PasskeyOptions.newChallenge();
        PasskeyCeremonies.NewCredential created = service.register(authenticator.register(challenge), challenge);
        return new Registered(authenticator, new PasskeyCeremonies.StoredCredential(created.attestedCredential(), created.signCount(),
                created.uvInitialized(), created.backupEligible(), created.backedUp(), created.transports()));
    }

    @Test
    void a_passkey_registers_and_then_logs_in_with_its_counter_moving_on() throws Exception {
        TestAuthenticator authenticator = new TestAuthenticator("ameli.fr", ORIGIN);
        byte[] challenge = PasskeyOptions.newChallenge();
        PasskeyCeremonies.NewCredential created = service.register(authenticator.register(challenge), challenge);
        assertEquals(authenticator.credentialId(), created.credentialId());
        assertEquals(authenticator.credentialId(), service.credentialId(created.attestedCredential()), "the id is read back from what is kept");
        assertTrue(created.uvInitialized() && created.backupEligible() && created.backedUp(), "« synchronisée »");
        assertEquals(java.util.Set.of("internal", "hybrid"), created.transports());

        byte[] login = PasskeyOptions.newChallenge();
        String handle = fr.ameli.compte.application.security.SecretTokens.newToken();
        String assertion = authenticator.assert_(login, handle);
        assertEquals(new PasskeyCeremonies.Claimed(authenticator.credentialId(), handle), service.claimed(assertion), "the account it names");
        PasskeyCeremonies.Verified verified = service.authenticate(assertion, login, new PasskeyCeremonies.StoredCredential(
                created.attestedCredential(), created.signCount(), true, true, true, created.transports()));
        assertEquals(created.signCount() + 1, verified.signCount());
    }

    static Stream<Arguments> wrongRegistrations() {
        return Stream.of(
                Arguments.of("a page of another origin (a phishing copy)", (Consumer<TestAuthenticator>) a -> a.origin = "https://ameli-compte.example", Reason.ORIGIN),
                Arguments.of("a passkey of another RP ID", (Consumer<TestAuthenticator>) a -> a.answeredRpId = "example.fr", Reason.RP_ID),
                Arguments.of("no user verification (a device not unlocked)", (Consumer<TestAuthenticator>) a -> a.userVerified = false, Reason.USER_VERIFICATION));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongRegistrations")
    void a_registration_that_does_not_check_is_refused(String what, Consumer<TestAuthenticator> spoil, Reason reason) {
        TestAuthenticator authenticator = new TestAuthenticator("ameli.fr", ORIGIN);
        spoil.accept(authenticator);
        byte[] challenge = PasskeyOptions.newChallenge();
        PasskeyCeremonies.Refused refused = assertThrows(PasskeyCeremonies.Refused.class, () -> service.register(authenticator.register(challenge), challenge));
        assertEquals(reason, refused.reason(), refused.getMessage());
    }

    @Test
    void a_registration_answering_another_challenge_is_refused() {
        TestAuthenticator authenticator = new TestAuthenticator("ameli.fr", ORIGIN);
        String answer = authenticator.register(PasskeyOptions.newChallenge());
        PasskeyCeremonies.Refused refused = assertThrows(PasskeyCeremonies.Refused.class, () -> service.register(answer, PasskeyOptions.newChallenge()));
        assertEquals(Reason.CHALLENGE, refused.reason());
    }

    static Stream<Arguments> wrongLogins() {
        return Stream.of(
                Arguments.of("a page of another origin (a phishing copy)", (Consumer<TestAuthenticator>) a -> a.origin = "https://ameli-compte.example", Reason.ORIGIN),
                Arguments.of("an assertion for another RP ID", (Consumer<TestAuthenticator>) a -> a.answeredRpId = "example.fr", Reason.RP_ID),
                Arguments.of("no user verification", (Consumer<TestAuthenticator>) a -> a.userVerified = false, Reason.USER_VERIFICATION),
                Arguments.of("a signature that does not check", (Consumer<TestAuthenticator>) a -> a.badSignature = true, Reason.SIGNATURE),
                Arguments.of("a counter gone backwards (a copied credential)", (Consumer<TestAuthenticator>) a -> a.counter(0), Reason.COUNTER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongLogins")
    void a_login_that_does_not_check_is_refused(String what, Consumer<TestAuthenticator> spoil, Reason reason) throws Exception {
        Registered registered = registered();
        // The device has been used since: the kept counter is ahead of its first value.
        PasskeyCeremonies.StoredCredential stored = new PasskeyCeremonies.StoredCredential(registered.stored().attestedCredential(), 5,
                true, true, true, registered.stored().transports());
        registered.authenticator().counter(5);
        spoil.accept(registered.authenticator());
        byte[] challenge = PasskeyOptions.newChallenge();
        String assertion = registered.authenticator().assert_(challenge, null);
        PasskeyCeremonies.Refused refused = assertThrows(PasskeyCeremonies.Refused.class, () -> service.authenticate(assertion, challenge, stored));
        assertEquals(reason, refused.reason(), refused.getMessage());
    }

    @Test
    void a_replayed_assertion_is_refused_for_the_next_challenge() throws Exception {
        Registered registered = registered();
        byte[] first = PasskeyOptions.newChallenge();
        String assertion = registered.authenticator().assert_(first, null);
        service.authenticate(assertion, first, registered.stored());
        PasskeyCeremonies.Refused refused = assertThrows(PasskeyCeremonies.Refused.class,
                () -> service.authenticate(assertion, PasskeyOptions.newChallenge(), registered.stored()));
        assertEquals(Reason.CHALLENGE, refused.reason());
    }

    @Test
    void an_assertion_of_another_credential_is_refused() throws Exception {
        Registered mine = registered();
        TestAuthenticator someoneElse = new TestAuthenticator("ameli.fr", ORIGIN);
        byte[] challenge = PasskeyOptions.newChallenge();
        String assertion = someoneElse.assert_(challenge, null);
        assertThrows(PasskeyCeremonies.Refused.class, () -> service.authenticate(assertion, challenge, mine.stored()));
    }

    @Test
    void garbage_is_refused_as_malformed_never_thrown() {
        for (String garbage : new String[] {"", "{}", "not json", "{\"id\":\"x\",\"response\":{}}"}) {
            PasskeyCeremonies.Refused refused = assertThrows(PasskeyCeremonies.Refused.class, () -> service.claimed(garbage), garbage);
            assertTrue(refused.reason() == Reason.MALFORMED || refused.reason() == Reason.OTHER, garbage + ": " + refused.reason());
        }
    }

    @Test
    void with_the_rp_id_localhost_any_port_of_localhost_is_this_service_but_no_other_host() throws Exception {
        WebAuthn4jCeremonies local = ceremonies("http://localhost:8080/", "localhost");
        TestAuthenticator authenticator = new TestAuthenticator("localhost", "http://localhost:8731");
        byte[] challenge = PasskeyOptions.newChallenge();
        local.register(authenticator.register(challenge), challenge);
        TestAuthenticator elsewhere = new TestAuthenticator("localhost", "http://192.0.2.2:8731");
        byte[] other = PasskeyOptions.newChallenge();
        assertEquals(Reason.ORIGIN, assertThrows(PasskeyCeremonies.Refused.class, () -> local.register(elsewhere.register(other), other)).reason());
    }
}
