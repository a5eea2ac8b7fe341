package fr.ameli.compte.application.connexion;

import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.security.PasskeyCeremonies;
import fr.ameli.compte.application.security.PasskeyOptions;
import fr.ameli.compte.application.security.SecretTokens;
import fr.ameli.compte.application.security.SecurityNotices;
import fr.ameli.compte.application.security.Throttled;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.account.ContactChoices;
import fr.ameli.compte.domain.account.EmailAddress;
import fr.ameli.compte.domain.account.Passkey;
import fr.ameli.compte.domain.account.PasskeyRepository;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.infrastructure.webauthn.TestAuthenticator;
import fr.ameli.compte.infrastructure.webauthn.WebAuthn4jCeremonies;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * « Me connecter avec une clé d'accès » without a server (PRODUCT §2.1): only a credential of ours,
 * of the active account it names, whose assertion checks, logs in — and a copied one is refused,
 * audited and told by mail. The checks themselves are webauthn4j's ({@code WebAuthn4jCeremoniesTest}).
 */
class PasskeyLoginTest {

    private static final String ORIGIN = "https://compte.ameli.fr";
    private static final Nir TOTO = Nir.parse("2 28 12 31 815 001");
    private static final Nir LEFEVRE = Nir.parse("2 46 07 75 115 039");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    private final List<AuditEvent.Type> audited = new ArrayList<>();
    private final List<String> mailed = new ArrayList<>();
    private final List<Passkey> kept = new ArrayList<>();
    private final Account toto = active(TOTO);
    private final Account lefevre = active(LEFEVRE);
    private final PasskeyLogin login = new PasskeyLogin();
    private final WebAuthn4jCeremonies ceremonies = TestAuthenticator.ceremonies(ORIGIN + "/", "ameli.fr");

    private static Account active(Nir nir) {
        Account account = Account.pending(nir, "b".repeat(64), "PBKDF2WithHmacSHA256:1024:c2FsdA==:aGFzaA==", CLOCK.instant(),
                new ContactChoices(new EmailAddress("personne@example.fr"), false, null, null, null, null, null), CLOCK.instant());
        account.activate(CLOCK.instant());
        account.userHandle(SecretTokens::newToken);
        return account;
    }

    PasskeyLoginTest() {
        login.ceremonies = ceremonies;
        login.clock = CLOCK;
        login.passkeys = (PasskeyRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{PasskeyRepository.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "findToUse" -> kept.stream().filter(p -> p.credentialKey().equals(args[0])).findFirst();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        login.accounts = (AccountRepository) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{AccountRepository.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "findById" -> Optional.of((Long) args[0] == 1L ? toto : lefevre);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        login.loginLocks = new LoginLocks() {
            @Override
            public <T> Throttled<T> guard(Nir nir, Supplier<Optional<T>> check) {
                return new Throttled<>(check.get(), Optional.empty(), false, false);
            }
        };
        login.audit = new AuditTrail() {
            @Override
            public void record(AuditEvent.Type type, Nir nir) {
                audited.add(type);
            }
        };
        login.notices = new SecurityNotices() {
            @Override
            public void passkeyCloneSuspected(Account account, String name, Instant at) {
                mailed.add(account.nir().digits13() + " " + name);
            }
        };
    }

    /** A passkey of TOTO's account (id 1) made by this authenticator. */
    private TestAuthenticator totoHasAPasskey() throws Exception {
        TestAuthenticator authenticator = new TestAuthenticator("ameli.fr", ORIGIN);
        byte[] challenge = PasskeyOptions.newChallenge();
        PasskeyCeremonies.NewCredential created = ceremonies.register(authenticator.register(challenge), challenge);
        kept.add(new Passkey(1L, SecretTokens.hash(created.credentialId()), created.attestedCredential(), created.signCount(), true,
                true, true, "internal", "Chrome sous Android", CLOCK.instant()));
        return authenticator;
    }

    @Test
    void the_owner_s_passkey_logs_the_owner_in_and_its_use_is_kept() throws Exception {
        TestAuthenticator authenticator = totoHasAPasskey();
        byte[] challenge = PasskeyOptions.newChallenge();
        assertEquals(Optional.of(TOTO), login.logIn(authenticator.assert_(challenge, toto.userHandle().orElseThrow()), challenge));
        assertEquals(CLOCK.instant(), kept.get(0).lastUsedAt());
        assertEquals(2, kept.get(0).signCount(), "the counter moves on");
    }

    @Test
    void a_credential_that_is_not_ours_logs_nobody_in() {
        TestAuthenticator stranger = new TestAuthenticator("ameli.fr", ORIGIN);
        byte[] challenge = PasskeyOptions.newChallenge();
        assertEquals(Optional.empty(), login.logIn(stranger.assert_(challenge, toto.userHandle().orElseThrow()), challenge));
    }

    @Test
    void an_assertion_naming_another_account_than_its_credential_s_logs_nobody_in() throws Exception {
        TestAuthenticator authenticator = totoHasAPasskey();
        byte[] challenge = PasskeyOptions.newChallenge();
        assertEquals(Optional.empty(), login.logIn(authenticator.assert_(challenge, lefevre.userHandle().orElseThrow()), challenge));
        assertEquals(List.of(AuditEvent.Type.PASSKEY_FAILURE), audited);
    }

    @Test
    void a_copied_passkey_whose_counter_went_backwards_is_refused_audited_and_told() throws Exception {
        TestAuthenticator authenticator = totoHasAPasskey();
        byte[] first = PasskeyOptions.newChallenge();
        login.logIn(authenticator.assert_(first, toto.userHandle().orElseThrow()), first);
        authenticator.counter(0); // the copy's counter is behind the one the service saw
        byte[] second = PasskeyOptions.newChallenge();
        assertEquals(Optional.empty(), login.logIn(authenticator.assert_(second, toto.userHandle().orElseThrow()), second));
        assertEquals(List.of(AuditEvent.Type.PASSKEY_CLONE_SUSPECTED), audited);
        assertEquals(List.of(TOTO.digits13() + " Chrome sous Android"), mailed);
    }

    @Test
    void an_assertion_for_another_challenge_logs_nobody_in_and_counts_as_a_failure() throws Exception {
        TestAuthenticator authenticator = totoHasAPasskey();
        String assertion = authenticator.assert_(PasskeyOptions.newChallenge(), toto.userHandle().orElseThrow());
        assertEquals(Optional.empty(), login.logIn(assertion, PasskeyOptions.newChallenge()));
        assertTrue(audited.contains(AuditEvent.Type.PASSKEY_FAILURE), audited.toString());
    }
}
