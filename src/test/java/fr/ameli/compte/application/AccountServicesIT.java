package fr.ameli.compte.application;

import fr.ameli.compte.domain.account.ActivationTokenRepository;
import fr.ameli.compte.application.espace.AccountClosure;
import fr.ameli.compte.application.connexion.AccountIdentityStore;
import fr.ameli.compte.application.espace.AccountQueries;
import fr.ameli.compte.application.creation.AccountRequest;
import fr.ameli.compte.application.agent.AccountState;
import fr.ameli.compte.application.agent.ActionNotAllowed;
import fr.ameli.compte.application.agent.ActionOutcome;
import fr.ameli.compte.application.agent.ActionResult;
import fr.ameli.compte.application.creation.Activation;
import fr.ameli.compte.application.creation.ActivationOutcome;
import fr.ameli.compte.application.creation.ActivationResend;
import fr.ameli.compte.application.agent.AgentDesk;
import fr.ameli.compte.application.agent.AgentSessions;
import fr.ameli.compte.application.security.AuditTrail;
import fr.ameli.compte.application.shared.ClientOrigin;
import fr.ameli.compte.application.espace.CodeChange;
import fr.ameli.compte.application.security.CodeHasher;
import fr.ameli.compte.application.connexion.CodeReset;
import fr.ameli.compte.application.espace.ContactSettings;
import fr.ameli.compte.application.espace.EmailChange;
import fr.ameli.compte.application.connexion.FranceConnectIdentity;
import fr.ameli.compte.application.connexion.FranceConnectLogin;
import fr.ameli.compte.application.creation.IdentityCheck;
import fr.ameli.compte.application.creation.IdentityClaim;
import fr.ameli.compte.application.creation.IdentityProof;
import fr.ameli.compte.application.creation.IdentityVerification;
import fr.ameli.compte.application.shared.JobLeases;
import fr.ameli.compte.application.agent.JournalLine;
import fr.ameli.compte.application.agent.LetterLine;
import fr.ameli.compte.application.connexion.LockInForce;
import fr.ameli.compte.application.connexion.LoginLocks;
import fr.ameli.compte.application.connexion.LoginOutcome;
import fr.ameli.compte.application.connexion.LoginSessions;
import fr.ameli.compte.application.agent.LookUp;
import fr.ameli.compte.application.mail.MailLine;
import fr.ameli.compte.application.mail.MailMessage;
import fr.ameli.compte.application.mail.MailOutbox;
import fr.ameli.compte.application.creation.PendingAccount;
import fr.ameli.compte.application.agent.PersonFile;
import fr.ameli.compte.application.espace.PersonalDataExport;
import fr.ameli.compte.application.creation.ProofCheck;
import fr.ameli.compte.application.creation.ProvisionalCodes;
import fr.ameli.compte.application.security.Pseudonyms;
import fr.ameli.compte.application.agent.RegisterEntry;
import fr.ameli.compte.application.agent.RegisterLoad;
import fr.ameli.compte.application.creation.Registration;
import fr.ameli.compte.application.creation.RegistrationRefused;
import fr.ameli.compte.application.connexion.RememberedBrowserCredential;
import fr.ameli.compte.application.connexion.RememberedBrowsers;
import fr.ameli.compte.application.security.SecretTokens;
import fr.ameli.compte.application.connexion.SecurityCodeCredential;
import fr.ameli.compte.application.connexion.SecurityCodes;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.application.agent.Supervision;
import fr.ameli.compte.application.security.Throttling;
import fr.ameli.compte.TestDeployments;
import fr.ameli.compte.domain.account.Account;
import fr.ameli.compte.domain.account.AccountRepository;
import fr.ameli.compte.domain.account.AccountStatus;
import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentReason;
import fr.ameli.compte.domain.agent.AgentRole;
import fr.ameli.compte.domain.security.AuditEvent;
import fr.ameli.compte.domain.person.BirthDate;
import fr.ameli.compte.domain.account.CodeResetToken;
import fr.ameli.compte.domain.account.Consent;
import fr.ameli.compte.domain.account.ContactChoices;
import fr.ameli.compte.domain.account.EmailAddress;
import fr.ameli.compte.domain.person.IbanTail;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.person.PersonName;
import fr.ameli.compte.domain.account.PhoneNumber;
import fr.ameli.compte.domain.person.PostalCode;
import fr.ameli.compte.domain.person.VitaleSerialTail;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account services in Payara Micro against Derby (and PostgreSQL when {@code ameli.it.postgresql}
 * names a server), one server for all: each test uses its own persons, so that they run in any
 * order. The services, persons and helpers are in {@link ServicesFixture}. One section per feature:
 * <ol>
 * <li>Creating an account: identity, registration, activation (PRODUCT §2.2–§2.8)</li>
 * <li>Provisional codes by post (PRODUCT §2.3)</li>
 * <li>Pending accounts, the expiry timer and its sweep (PRODUCT §5)</li>
 * <li>Logging in: locks, the security code, remembered browsers, FranceConnect (PRODUCT §2.1, §2.10, §5 « Who may lock whom »)</li>
 * <li>« Code oublié ? » (README « Code oublié ? »)</li>
 * <li>« Mon espace »: logins, the code, the closure, the data (PRODUCT §2.11)</li>
 * <li>« Mon espace »: a new email address (PRODUCT §2.11, §3 « email address »)</li>
 * <li>« Mon espace »: phone numbers and consents (PRODUCT §2.11)</li>
 * <li>Espace agent (PRODUCT §2.12)</li>
 * <li>Mail, backups, forwarded requests and outages (README « Mail », « Backups », « Behind a load balancer »)</li>
 * </ol>
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountServicesIT extends ServicesFixture {

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.war("services", Map.ofEntries(
                Map.entry("ameli.activation.validity", "PT4S"),
                Map.entry("ameli.activation.sweep-interval", "PT1S"),
                Map.entry("ameli.activation.expired-link-retention", "PT5S"),
                Map.entry("ameli.code.hash-iterations", "1024"),
                // Twenty clicks at once from one address test single use here; the per-address share of hashes is tested in HardeningIT.
                Map.entry("ameli.code.hashes-per-address", "64"),
                Map.entry("ameli.code-reset.validity", "PT3S"),
                Map.entry("ameli.code-reset.longest-life", "PT5S"),
                Map.entry("ameli.throttle.login-failures-per-day", "12"),
                Map.entry("ameli.security-code.validity", "PT3S"),
                Map.entry("ameli.mail.mode", "file"),
                // More persons than the demo register's 22, each used by one test (an account, once made, stays).
                Map.entry("ameli.registry.demo", "true"),
                Map.entry("ameli.registry.csv", System.getProperty("ameli.test.resources") + "/registre-espace.csv"),
                Map.entry("ameli.email-change.validity", "PT3S"),
                // The espace agent's burst test: only lookUp counts, per agent, and each test has its own agents.
                Map.entry("ameli.agent.look-ups-per-hour", "3"),
                // An agent's session lasts 3 seconds at most here (8 hours by default).
                Map.entry("ameli.agent.session-lifetime", "PT3S"),
                // Online backups (README « Backups »): beside the data dir, the last two kept.
                Map.entry("ameli.backup.dir", TestDeployments.dataDir("services-sauvegardes").toString()),
                Map.entry("ameli.backup.keep", "2")))
                .addClasses(ServicesFixture.class, fr.ameli.compte.MailText.class,
                        fr.ameli.compte.infrastructure.webauthn.TestAuthenticator.class, HashingWatch.class);
    }

    // ---- Creating an account: identity, registration, activation (PRODUCT §2.2–§2.8)

    @Test
    void identification_needs_the_register_data_and_says_nothing_about_which_field_was_wrong() {
        assertEquals(IdentityCheck.IDENTIFIED, identityVerification.identify(TOTO.claim()));
        Person wrongPostalCode = new Person(TOTO.nir(), "TOTO", "03/12/1928", "31000", "", "");
        Person unknownNir = new Person("1 84 12 76 451 089", "TOTO", "03/12/1928", "31470", "", "");
        assertEquals(IdentityCheck.NOT_IDENTIFIED, identityVerification.identify(wrongPostalCode.claim()));
        assertEquals(IdentityCheck.NOT_IDENTIFIED, identityVerification.identify(unknownNir.claim()));
        assertTrue(identityVerification.prove(TOTO.claim(), TOTO.proof()).proven());
        assertFalse(identityVerification.prove(TOTO.claim(), new IdentityProof(new IbanTail("3910174"), new VitaleSerialTail("01647314244"))).proven());
        assertFalse(identityVerification.prove(TOTO.claim(), new IdentityProof(new IbanTail("3910173"), new VitaleSerialTail("01647314245"))).proven());
        assertTrue(identityVerification.prove(TOTO.claim(), TOTO.proof()).proven(), "a success resets the count");
    }

    @Test
    void registration_stores_a_pending_account_with_hashed_code_and_token_and_delivers_the_mail_after_commit() throws Exception {
        PendingAccount pending = registration.register(request(LEFEVRE, "jeanne.lefevre@example.fr"));
        assertEquals("jeanne.lefevre@example.fr", pending.email());
        assertEquals(settings.activationValidity(), pending.validity());

        Account account = accounts.findByNir(Nir.parse(LEFEVRE.nir())).orElseThrow();
        assertEquals(AccountStatus.PENDING_ACTIVATION, account.status());
        assertNotEquals(CODE, account.codeHash());
        assertTrue(account.codeHash().startsWith("PBKDF2WithHmacSHA256:1024:"), account.codeHash());
        assertNotNull(account.termsAcceptedAt());
        assertEquals("0612345678", account.contact().mobile());
        assertEquals(Boolean.TRUE, account.contact().mobileCalls());
        assertEquals(Boolean.FALSE, account.contact().mobileSms());
        assertEquals(null, account.contact().landlineCalls(), "no landline, no consent about it");

        String text = awaitMail("jeanne.lefevre@example.fr");
        Matcher link = LINK.matcher(text.replace("\r\n", "\n"));
        assertTrue(link.find(), "the absolute link on a line of its own:\n" + text);
        assertTrue(text.contains("valable 4 secondes"), text);
        String tokenHash = SecretTokens.hash(link.group(2));
        List<?> stored = em.createNativeQuery("select token_hash from activation_token where account_id = ?1")
                .setParameter(1, account.id()).getResultList();
        assertEquals(List.of(tokenHash), stored.stream().map(Object::toString).map(String::strip).toList(),
                "only the token's hash is stored");
        assertTrue(activation.activate(link.group(2)) == ActivationOutcome.ACTIVATED);
        awaitBodyCleared(account.id());
    }

    @Test
    void a_link_activates_once_and_only_an_active_account_logs_in() throws Exception {
        registration.register(request(MARTIN, "jp.martin@example.fr"));
        UsernamePasswordCredential login = new UsernamePasswordCredential(MARTIN.nir(), new Password(CODE));
        assertEquals(CredentialValidationResult.Status.INVALID, identityStore.checkCodePersonnel(login).getStatus(), "pending: no login");
        assertEquals(LoginOutcome.Refusal.PENDING_ACTIVATION, loginOutcome.refusal(), "said only after a correct code");
        assertEquals(CredentialValidationResult.Status.INVALID,
                identityStore.checkCodePersonnel(new UsernamePasswordCredential(MARTIN.nir(), new Password("Autre*code_1"))).getStatus());

        String token = tokenFrom(awaitMail("jp.martin@example.fr"));
        assertEquals(ActivationOutcome.ACTIVATED, activation.activate(token));
        assertEquals(ActivationOutcome.ALREADY_USED, activation.activate(token));
        assertEquals(ActivationOutcome.UNKNOWN, activation.activate(token.substring(1) + "x"));
        assertEquals(ActivationOutcome.UNKNOWN, activation.activate("<script>"));
        assertEquals(AccountStatus.ACTIVE, accounts.findByNir(Nir.parse(MARTIN.nir())).orElseThrow().status());

        CredentialValidationResult ok = identityStore.checkCodePersonnel(login);
        assertEquals(CredentialValidationResult.Status.VALID, ok.getStatus());
        assertEquals("1510569123076", ok.getCallerPrincipal().getName());
        assertEquals(CredentialValidationResult.Status.INVALID,
                identityStore.checkCodePersonnel(new UsernamePasswordCredential(MARTIN.nir(), new Password("Robert*123_B"))).getStatus());
        assertEquals(IdentityCheck.ACCOUNT_ACTIVE, identityVerification.identify(MARTIN.claim()),
                "the owner of an active account is told so at the identity step");
    }

    @Test
    void a_second_registration_for_the_same_nir_is_refused_and_creates_nothing() throws Exception {
        registration.register(request(NDIAYE, "aminata@example.fr"));
        assertEquals(IdentityCheck.ACCOUNT_PENDING, identityVerification.identify(NDIAYE.claim()));
        RegistrationRefused refused = assertThrows(RegistrationRefused.class,
                () -> registration.register(request(NDIAYE, "autre@example.fr")));
        assertEquals(RegistrationRefused.Reason.ACCOUNT_EXISTS, refused.reason());
        assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from account where nir = '285099306611305'")
                .getSingleResult()).longValue());
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from outbound_mail where recipient = 'autre@example.fr'")
                .getSingleResult()).longValue(), "no mail for a refused registration");
    }

    @Test
    void the_service_checks_again_what_the_wizard_checked() {
        assertEquals(RegistrationRefused.Reason.NOT_PROVEN, assertThrows(RegistrationRefused.class, () -> registration.register(
                new AccountRequest(TOTO.claim(), new IdentityProof(new IbanTail("0000000"), new VitaleSerialTail("01647314244")), null,
                        Instant.now(), CODE, CODE, request(TOTO, "t@example.fr").contact(), new EmailAddress("t@example.fr")))).reason());
        assertEquals(RegistrationRefused.Reason.CODE_REJECTED, assertThrows(RegistrationRefused.class, () -> registration.register(
                new AccountRequest(TOTO.claim(), TOTO.proof(), null, Instant.now(), "Toto*1928x", "Toto*1928x",
                        request(TOTO, "t@example.fr").contact(), new EmailAddress("t@example.fr")))).reason());
        for (String common : List.of("Password123!", "Marie.Toto75")) { // the list shipped in the WAR; the register's given name
            assertEquals(RegistrationRefused.Reason.CODE_REJECTED, assertThrows(RegistrationRefused.class, () -> registration.register(
                    new AccountRequest(TOTO.claim(), TOTO.proof(), null, Instant.now(), common, common,
                            request(TOTO, "t@example.fr").contact(), new EmailAddress("t@example.fr")))).reason(), common);
        }
        assertEquals(RegistrationRefused.Reason.TERMS_NOT_ACCEPTED, assertThrows(RegistrationRefused.class, () -> registration.register(
                new AccountRequest(TOTO.claim(), TOTO.proof(), null, null, CODE, CODE,
                        request(TOTO, "t@example.fr").contact(), new EmailAddress("t@example.fr")))).reason());
        assertEquals(RegistrationRefused.Reason.EMAIL_NOT_CONFIRMED, assertThrows(RegistrationRefused.class, () -> registration.register(
                new AccountRequest(TOTO.claim(), TOTO.proof(), null, Instant.now(), CODE, CODE,
                        request(TOTO, "t@example.fr").contact(), new EmailAddress("x@example.fr")))).reason());
        assertTrue(accounts.findByNir(Nir.parse(TOTO.nir())).isEmpty(), "nothing half-created");
    }

    @Test
    void identity_attempts_are_capped_per_client_address_and_minute() {
        clientOrigin.setAddress("203.0.113.7");
        for (int i = 0; i < settings.identityAttemptsPerMinute(); i++) {
            assertEquals(IdentityCheck.IDENTIFIED, identityVerification.identify(CASANOVA.claim()));
        }
        assertEquals(IdentityCheck.TOO_MANY_ATTEMPTS, identityVerification.identify(CASANOVA.claim()));
        clientOrigin.setAddress("203.0.113.8");
        assertEquals(IdentityCheck.IDENTIFIED, identityVerification.identify(CASANOVA.claim()), "another address is not slowed");
        assertEquals(1L, ((Number) em.createNativeQuery(
                "select count(*) from audit_event where event = 'IDENTITY_RATE_LIMITED' and client_address = '203.0.113.7'")
                .getSingleResult()).longValue());
    }

    @Test
    void twenty_concurrent_registrations_for_one_nir_create_one_account_and_one_mail() throws Exception {
        List<java.util.concurrent.Callable<String>> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> {
                try {
                    registration.register(request(PAYET, "daniel.payet@example.fr"));
                    return "created";
                } catch (RegistrationRefused refused) {
                    return refused.reason().name();
                }
            });
        }
        List<String> outcomes = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<String> f : executor.invokeAll(tasks)) {
            outcomes.add(f.get());
        }
        assertEquals(1, outcomes.stream().filter("created"::equals).count(), outcomes.toString());
        assertEquals(19, outcomes.stream().filter("ACCOUNT_EXISTS"::equals).count(), outcomes.toString());
        assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from account where nir = '172099741152012'")
                .getSingleResult()).longValue());
        assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from outbound_mail where recipient = 'daniel.payet@example.fr'")
                .getSingleResult()).longValue());
    }

    @Test
    void twenty_clicks_at_once_on_one_activation_link_activate_once() throws Exception {
        Person dumas = inRegister("2 66 09 13 201 022", "DUMAS", "Claire", "21/09/1966", "13001");
        registration.register(request(dumas, "claire.dumas@example.fr"));
        String token = tokenFrom(awaitMail("claire.dumas@example.fr"));
        List<ActivationOutcome> outcomes = twentyAtOnce(i -> activation.activate(token));
        assertEquals(1, outcomes.stream().filter(ActivationOutcome.ACTIVATED::equals).count(), outcomes.toString());
        assertEquals(19, outcomes.stream().filter(ActivationOutcome.ALREADY_USED::equals).count(), outcomes.toString());
        assertEquals(1, auditCount(AuditEvent.Type.ACCOUNT_ACTIVATED, dumas));
    }

    @Test
    void a_new_activation_mail_replaces_the_old_link_and_is_limited_per_hour() throws Exception {
        registration.register(request(DUPONT, "camille@example.fr"));
        String first = tokenFrom(awaitMail("camille@example.fr"));
        Nir nir = Nir.parse(DUPONT.nir());
        for (int i = 1; i <= config.mailsPerHour(); i++) {
            ActivationResend.Outcome outcome = activationResend.resend(nir).orElseThrow();
            assertEquals("camille@example.fr", outcome.pending().email(), "resend " + i);
        }
        ActivationResend.Outcome tooMany = activationResend.resend(nir).orElseThrow();
        assertNotNull(tooMany.tooManyUntil(), "at most " + config.mailsPerHour() + " per hour");
        Path mails = config.dataDir().resolve("mails");
        long deadline = System.currentTimeMillis() + 10_000;
        while (countMails(mails, "camille@example.fr") < 1 + config.mailsPerHour() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(1 + config.mailsPerHour(), countMails(mails, "camille@example.fr"));
        String latest = tokenFrom(awaitMail("camille@example.fr"));
        assertNotEquals(first, latest);
        assertEquals(ActivationOutcome.UNKNOWN, activation.activate(first), "the old link stops working");
        assertEquals(ActivationOutcome.ACTIVATED, activation.activate(latest));
        assertTrue(activationResend.resend(nir).isEmpty(), "nothing to resend for an active account");
        assertEquals(config.mailsPerHour(), auditCount(AuditEvent.Type.ACTIVATION_RESENT, DUPONT));
    }

    // ---- Provisional codes by post (PRODUCT §2.3)

    @Test
    void a_letter_with_a_provisional_code_is_printed_and_the_code_opens_the_rest_of_the_wizard_once() throws Exception {
        ProvisionalCodes.LetterSent[] sent = new ProvisionalCodes.LetterSent[1];
        String text = textOfNewLetter(() -> {
            sent[0] = provisionalCodes.requestLetter(BERNARD.claim()).orElseThrow();
            return Optional.of(sent[0]);
        });
        assertEquals("33000", sent[0].postalCode());
        List<Path> letters = List.of(lastLetter);
        assertAll("the register's address block: " + text,
                () -> assertTrue(text.contains("Paul BERNARD"), "the name"),
                () -> assertTrue(text.contains("9 place de la Bourse"), "the street"),
                () -> assertTrue(text.contains("33000 BORDEAUX"), "the postal code and town"));
        Matcher code = Pattern.compile("Votre code provisoire : (\\d{4})").matcher(text);
        assertTrue(code.find(), text);
        String flowing = text.replaceAll("\\s+", " ");
        assertAll(text,
                () -> assertTrue(flowing.contains("ne sert qu'une seule fois"), "single use"),
                () -> assertTrue(flowing.contains("Mon code personnel (ou provisoire à 4 chiffres)"), "where to type it"));
        String listing = Files.readString(config.dataDir().resolve("courriers").resolve("a-imprimer.csv"));
        assertAll(listing,
                () -> assertTrue(listing.contains(letters.get(0).getFileName().toString()), "the letter's file"),
                () -> assertTrue(listing.contains(";33000;Bordeaux"), "the postal code and town"));
        assertFalse(listing.contains(code.group(1) + ";") , "the listing never holds the code");

        assertTrue(provisionalCodes.requestLetter(BERNARD.claim()).orElseThrow().alreadySent(), "one letter a day");
        Nir nir = Nir.parse(BERNARD.nir());
        String wrong = String.format("%04d", (Integer.parseInt(code.group(1)) + 1) % 10_000);
        assertEquals(null, provisionalCodes.login(nir, wrong).claim());
        ProvisionalCodes.ProvisionalLogin login = provisionalCodes.login(nir, code.group(1));
        assertEquals("BERNARD", login.claim().name().value(), "the identity comes from the register");
        assertEquals(null, provisionalCodes.login(nir, code.group(1)).claim(), "single use");

        AccountRequest withoutTails = new AccountRequest(login.claim(), null, login.codeId(), Instant.now(), CODE, CODE,
                request(BERNARD, "paul@example.fr").contact(), new EmailAddress("paul@example.fr"));
        registration.register(withoutTails);
        assertTrue(accounts.findByNir(nir).isPresent(), "the provisional code proved the identity");
        assertEquals(1, auditCount(AuditEvent.Type.PROVISIONAL_CODE_SENT, BERNARD));
        assertEquals(1, auditCount(AuditEvent.Type.PROVISIONAL_CODE_USED, BERNARD));
    }

    @Test
    void without_tails_nor_a_provisional_code_there_is_no_account() {
        assertEquals(RegistrationRefused.Reason.NOT_PROVEN, assertThrows(RegistrationRefused.class, () -> registration.register(
                new AccountRequest(CASANOVA.claim(), null, null, Instant.now(), CODE, CODE,
                        request(CASANOVA, "lucia@example.fr").contact(), new EmailAddress("lucia@example.fr")))).reason());
    }

    /**
     * PRODUCT §2.10: a provisional code (10,000 values) is spent after 5 wrong tries in all. The attack:
     * wrong codes from five addresses (each address alone is far from its own lock), then the right code
     * from a sixth — refused; a new letter replaces it, at most 3 letters in 90 days.
     */
    @Test
    void a_provisional_code_is_spent_after_five_wrong_tries_from_any_addresses_and_letters_are_limited() throws Exception {
        Person roche = inRegister("2 61 04 75 112 031", "ROCHE", "Anne", "12/04/1961", "75012");
        Nir nir = Nir.parse(roche.nir());
        String code = codeOfNewLetter(() -> provisionalCodes.requestLetter(roche.claim()));
        for (int i = 1; i <= 5; i++) {
            clientOrigin.setAddress("198.51.100." + i);
            ProvisionalCodes.ProvisionalLogin wrong = provisionalCodes.login(nir, another(code));
            assertEquals(null, wrong.claim());
            assertEquals(null, wrong.lockedUntil(), "one wrong try locks no address");
            assertEquals(i == 5, wrong.spent(), "try " + i);
        }
        clientOrigin.setAddress("198.51.100.6");
        ProvisionalCodes.ProvisionalLogin right = provisionalCodes.login(nir, code);
        assertEquals(null, right.claim(), "the right code no longer opens anything");
        assertTrue(right.spent(), "the login page says so, and how to get a new letter");
        assertEquals(1, auditCount(AuditEvent.Type.PROVISIONAL_CODE_SPENT, roche));

        // A new letter replaces the spent code; its own code works, once.
        String second = codeOfNewLetter(() -> provisionalCodes.requestLetter(roche.claim()));
        assertEquals(null, provisionalCodes.login(nir, code).claim(), "the old code stays spent");
        ProvisionalCodes.ProvisionalLogin secondLogin = provisionalCodes.login(nir, second);
        assertEquals("ROCHE", secondLogin.claim().name().value());

        // A third letter replaces the second (even used: the wizard that logged in with it can no longer create the account).
        String third = codeOfNewLetter(() -> provisionalCodes.requestLetter(roche.claim()));
        assertEquals(RegistrationRefused.Reason.NOT_PROVEN, assertThrows(RegistrationRefused.class, () -> registration.register(
                new AccountRequest(secondLogin.claim(), null, secondLogin.codeId(), Instant.now(), CODE, CODE,
                        request(roche, "anne.roche@example.fr").contact(), new EmailAddress("anne.roche@example.fr")))).reason());
        assertEquals(null, provisionalCodes.login(nir, second).claim(), "replaced");
        for (int i = 0; i < 5; i++) {
            provisionalCodes.login(nir, another(third));
        }
        Instant before = Instant.now();
        ProvisionalCodes.LetterSent fourth = provisionalCodes.requestLetter(roche.claim()).orElseThrow();
        assertFalse(fourth.sent(), "three letters in 90 days: no fourth");
        assertBetween(before.plus(java.time.Duration.ofDays(89)), before.plus(java.time.Duration.ofDays(90)), fourth.tooManyUntil(),
                "until 90 days after the first");
        assertEquals(3, auditCount(AuditEvent.Type.PROVISIONAL_CODE_SENT, roche));
    }

    /** PRODUCT §2.10: the registration consumes the very code the wizard's login used, never another code of the NIR. */
    @Test
    void a_registration_without_the_tails_needs_the_id_of_the_code_its_login_used() throws Exception {
        Person brun = inRegister("1 72 08 69 123 045", "BRUN", "Marc", "30/08/1972", "69003");
        Nir nir = Nir.parse(brun.nir());
        String code = codeOfNewLetter(() -> provisionalCodes.requestLetter(brun.claim()));
        ProvisionalCodes.ProvisionalLogin login = provisionalCodes.login(nir, code);
        assertTrue(login.codeId() != null);
        // A wizard that proved another identity and then claims this one, with no proof of its own: refused.
        assertEquals(RegistrationRefused.Reason.NOT_PROVEN, assertThrows(RegistrationRefused.class, () -> registration.register(
                new AccountRequest(brun.claim(), null, null, Instant.now(), CODE, CODE,
                        request(brun, "intrus@example.fr").contact(), new EmailAddress("intrus@example.fr")))).reason());
        assertEquals(RegistrationRefused.Reason.NOT_PROVEN, assertThrows(RegistrationRefused.class, () -> registration.register(
                new AccountRequest(brun.claim(), null, login.codeId() + 1_000, Instant.now(), CODE, CODE,
                        request(brun, "intrus@example.fr").contact(), new EmailAddress("intrus@example.fr")))).reason(),
                "another code's id");
        assertTrue(accounts.findByNir(nir).isEmpty());
        registration.register(new AccountRequest(login.claim(), null, login.codeId(), Instant.now(), CODE, CODE,
                request(brun, "marc.brun@example.fr").contact(), new EmailAddress("marc.brun@example.fr")));
        assertTrue(accounts.findByNir(nir).isPresent(), "the code of the login proved the identity");
    }

    @Test
    void twenty_logins_at_once_with_one_provisional_code_prove_the_identity_once() throws Exception {
        Person etienne = inRegister("1 49 12 33 063 027", "ESTEVE", "Paul", "07/12/1949", "33000");
        String code = codeOfNewLetter(() -> provisionalCodes.requestLetter(etienne.claim()));
        List<ProvisionalCodes.ProvisionalLogin> logins = twentyAtOnce(i -> provisionalCodes.login(Nir.parse(etienne.nir()), code));
        assertEquals(1, logins.stream().filter(l -> l.claim() != null).count(), logins.toString());
        assertEquals(1, auditCount(AuditEvent.Type.PROVISIONAL_CODE_USED, etienne));
    }

    // ---- Pending accounts, the expiry timer and its sweep (PRODUCT §5)

    @Test
    void the_timer_removes_pending_accounts_after_the_validity_and_leaves_active_ones() throws Exception {
        registration.register(request(LEGOFF, "yann@example.fr"));
        Account pending = accounts.findByNir(Nir.parse(LEGOFF.nir())).orElseThrow();
        activeAccount(ROUSSEAU, "elodie@example.fr");

        long deadline = System.currentTimeMillis() + 15_000;
        while (accounts.findByNir(Nir.parse(LEGOFF.nir())).isPresent() && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertTrue(accounts.findByNir(Nir.parse(LEGOFF.nir())).isEmpty(), "the pending account was removed by the timer");
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from activation_token where account_id = ?1")
                .setParameter(1, pending.id()).getSingleResult()).longValue());
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from outbound_mail where account_id = ?1")
                .setParameter(1, pending.id()).getSingleResult()).longValue(), "its mail and address are gone too");
        assertTrue(accounts.findByNir(Nir.parse(ROUSSEAU.nir())).orElseThrow().isActive(), "the active account stays");
        assertEquals(1, auditCount(AuditEvent.Type.ACCOUNT_EXPIRED, LEGOFF), "the trail keeps that it expired, by pseudonym");
        assertEquals(IdentityCheck.IDENTIFIED, identityVerification.identify(LEGOFF.claim()), "the person can start again");
    }

    @Test
    void a_link_whose_account_the_timer_removed_says_expired_until_the_retention_is_over() throws Exception {
        registration.register(request(BENALI, "karim@example.fr"));
        String token = tokenFrom(awaitMail("karim@example.fr"));
        String hash = SecretTokens.hash(token);
        long deadline = System.currentTimeMillis() + 15_000;
        while (accounts.findByNir(Nir.parse(BENALI.nir())).isPresent() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(accounts.findByNir(Nir.parse(BENALI.nir())).isEmpty(), "the pending account was removed by the timer");
        assertTrue(activationTokenRepository.findToken(hash).isEmpty(), "its token went with it");
        assertEquals(ActivationOutcome.EXPIRED, activation.activate(token), "« expiré », not « inconnu »");
        assertEquals(ActivationOutcome.UNKNOWN, activation.activate(SecretTokens.newToken()), "a link never sent stays unknown");
        Object[] kept = (Object[]) em.createNativeQuery("select * from expired_activation_link where token_hash = ?1")
                .setParameter(1, hash).getSingleResult();
        assertEquals(3, kept.length, "only the hash, its expiry and until when it is kept: no personal data");

        deadline = System.currentTimeMillis() + 15_000;
        while (expiredLinkRows(hash) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertEquals(0L, expiredLinkRows(hash), "the sweep forgets it after ameli.activation.expired-link-retention");
        assertEquals(ActivationOutcome.UNKNOWN, activation.activate(token));
    }

    @Test
    void while_another_server_holds_the_expiry_lease_this_one_does_not_sweep_and_takes_over_when_it_expires() throws Exception {
        setExpiryLease("another-server", Instant.now().plusSeconds(3600));
        try {
            registration.register(request(JEAN_BAPTISTE, "josette@example.fr"));
            Thread.sleep(6000);
            assertTrue(accounts.findByNir(Nir.parse(JEAN_BAPTISTE.nir())).isPresent(),
                    "past its validity, but the lease holder is another server: this one does not sweep");
        } finally {
            setExpiryLease("another-server", Instant.now().minusSeconds(1));
        }
        long deadline = System.currentTimeMillis() + 10_000;
        while (accounts.findByNir(Nir.parse(JEAN_BAPTISTE.nir())).isPresent() && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
        }
        assertTrue(accounts.findByNir(Nir.parse(JEAN_BAPTISTE.nir())).isEmpty(), "the lease expired: this server took the job over");
        assertNotEquals("another-server", em.createNativeQuery("SELECT owner FROM job_lease WHERE name = 'activation-expiry'")
                .getSingleResult().toString());

        // A server that stops gives its lease up, so the next one takes the job at once; never another server's lease.
        setLease("essai", "another-server", Instant.now().plusSeconds(3600));
        jobLeases.release("essai");
        assertFalse(jobLeases.acquire("essai", java.time.Duration.ofHours(1)), "releasing is only for the lease's holder");
        setLease("essai", "another-server", Instant.now().minusSeconds(1));
        assertTrue(jobLeases.acquire("essai", java.time.Duration.ofHours(1)), "an expired lease is taken, for an hour");
        jobLeases.release("essai");
        Instant expires = ((java.sql.Timestamp) em.createNativeQuery("SELECT expires_at FROM job_lease WHERE name = 'essai'")
                .getSingleResult()).toInstant();
        assertFalse(expires.isAfter(Instant.now()), "given up: any server may take it now, " + expires);
    }

    /**
     * The expiry sweep keeps only what can still matter: a provisional code's row (a NIR in clear) goes once
     * it expired unused, once its login is older than the registration's window, or once an account was
     * created with it; a throttle counter goes once left alone longer than it can count (its window; a
     * day for the locks' count), never while a lock holds.
     */
    @Test
    void the_sweep_forgets_the_provisional_codes_and_counters_that_no_longer_matter() throws Exception {
        Instant now = Instant.now();
        Nir nir = Nir.parse("1 83 05 75 056 044");
        transaction.begin();
        fr.ameli.compte.domain.account.ProvisionalCode expired = new fr.ameli.compte.domain.account.ProvisionalCode(nir, "h", now.minus(java.time.Duration.ofDays(16)));
        fr.ameli.compte.domain.account.ProvisionalCode loggedInLongAgo = new fr.ameli.compte.domain.account.ProvisionalCode(nir, "h", now.minus(java.time.Duration.ofHours(3)));
        loggedInLongAgo.startTry(now.minus(java.time.Duration.ofHours(3)));
        loggedInLongAgo.useAfterTry(now.minus(java.time.Duration.ofHours(3)));
        fr.ameli.compte.domain.account.ProvisionalCode current = new fr.ameli.compte.domain.account.ProvisionalCode(nir, "h", now.minus(java.time.Duration.ofDays(2)));
        for (Object row : List.of(expired, loggedInLongAgo, current)) {
            em.persist(row);
        }
        java.util.function.BiFunction<fr.ameli.compte.domain.security.ThrottleCounter.Kind, java.time.Duration, fr.ameli.compte.domain.security.ThrottleCounter> counter =
                (kind, idle) -> new fr.ameli.compte.domain.security.ThrottleCounter(kind, "a0a1a2:" + kind.name().length() + idle.toMinutes(), now.minus(idle));
        fr.ameli.compte.domain.security.ThrottleCounter idleRate = counter.apply(fr.ameli.compte.domain.security.ThrottleCounter.Kind.IDENTITY_ADDRESS, java.time.Duration.ofMinutes(5));
        fr.ameli.compte.domain.security.ThrottleCounter recentRate = counter.apply(fr.ameli.compte.domain.security.ThrottleCounter.Kind.CODE_RESET, java.time.Duration.ofMinutes(5));
        fr.ameli.compte.domain.security.ThrottleCounter idleLogin = counter.apply(fr.ameli.compte.domain.security.ThrottleCounter.Kind.LOGIN, java.time.Duration.ofHours(25));
        fr.ameli.compte.domain.security.ThrottleCounter recentLogin = counter.apply(fr.ameli.compte.domain.security.ThrottleCounter.Kind.LOGIN, java.time.Duration.ofHours(2));
        fr.ameli.compte.domain.security.ThrottleCounter letters = counter.apply(fr.ameli.compte.domain.security.ThrottleCounter.Kind.PROVISIONAL_LETTER, java.time.Duration.ofDays(30));
        for (fr.ameli.compte.domain.security.ThrottleCounter c : List.of(idleRate, recentRate, idleLogin, recentLogin, letters)) {
            em.persist(c);
        }
        transaction.commit();
        long deadline = System.currentTimeMillis() + 10_000;
        while (em.find(fr.ameli.compte.domain.security.ThrottleCounter.class, idleLogin.id()) != null && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            em.getEntityManagerFactory().getCache().evictAll();
        }
        em.getEntityManagerFactory().getCache().evictAll();
        assertAll(
                () -> assertEquals(null, em.find(fr.ameli.compte.domain.account.ProvisionalCode.class, expired.id()), "expired unused"),
                () -> assertEquals(null, em.find(fr.ameli.compte.domain.account.ProvisionalCode.class, loggedInLongAgo.id()), "its login is 3 hours old"),
                () -> assertNotNull(em.find(fr.ameli.compte.domain.account.ProvisionalCode.class, current.id()), "still usable"),
                () -> assertEquals(null, em.find(fr.ameli.compte.domain.security.ThrottleCounter.class, idleRate.id()), "past its minute"),
                () -> assertNotNull(em.find(fr.ameli.compte.domain.security.ThrottleCounter.class, recentRate.id()), "within its hour"),
                () -> assertEquals(null, em.find(fr.ameli.compte.domain.security.ThrottleCounter.class, idleLogin.id()), "failures a day old"),
                () -> assertNotNull(em.find(fr.ameli.compte.domain.security.ThrottleCounter.class, recentLogin.id()), "failures of 2 hours ago still count"),
                () -> assertNotNull(em.find(fr.ameli.compte.domain.security.ThrottleCounter.class, letters.id()), "the letters of the 90 days"));
    }

    // ---- Logging in: locks, the security code, remembered browsers, FranceConnect (PRODUCT §2.1, §2.10, §5 « Who may lock whom »)

    @Test
    void five_failed_proofs_lock_the_proof_step_for_fifteen_minutes_even_for_the_right_answer() {
        IdentityProof wrong = new IdentityProof(new IbanTail("0000000"), new VitaleSerialTail("00000000000"));
        for (int i = 1; i <= 4; i++) {
            ProofCheck check = identityVerification.prove(FAURE.claim(), wrong);
            assertFalse(check.proven(), "failure " + i + " is not a proof");
            assertFalse(check.locked(), "failure " + i + " does not lock");
        }
        Instant before = Instant.now();
        ProofCheck fifth = identityVerification.prove(FAURE.claim(), wrong);
        assertTrue(fifth.locked());
        long minutes = java.time.Duration.between(before, fifth.lockedUntil()).toMinutes();
        assertTrue(minutes >= 14 && minutes <= 15, "locked for 15 minutes: " + fifth.lockedUntil());
        ProofCheck right = identityVerification.prove(FAURE.claim(), FAURE.proof());
        assertTrue(right.locked(), "still locked");
        assertFalse(right.proven(), "while locked, even the right proof is refused");
        assertEquals(5, auditCount(AuditEvent.Type.PROOF_FAILURE, FAURE));
        assertEquals(1, auditCount(AuditEvent.Type.PROOF_LOCKED, FAURE));
    }

    @Test
    void five_failed_logins_lock_the_nir_and_a_success_resets_the_count() throws Exception {
        activeAccount(MOREL, "louis.morel@example.fr");
        UsernamePasswordCredential wrong = new UsernamePasswordCredential(MOREL.nir(), new Password("Mauvais*code_1"));
        UsernamePasswordCredential right = new UsernamePasswordCredential(MOREL.nir(), new Password(CODE));
        for (int i = 0; i < 4; i++) {
            identityStore.checkCodePersonnel(wrong);
        }
        assertEquals(CredentialValidationResult.Status.VALID, identityStore.checkCodePersonnel(right).getStatus());
        for (int i = 0; i < 4; i++) {
            assertEquals(CredentialValidationResult.Status.INVALID, identityStore.checkCodePersonnel(wrong).getStatus());
            assertEquals(LoginOutcome.Refusal.WRONG_CREDENTIALS, loginOutcome.refusal(), "4 failures after a success: no lock");
        }
        identityStore.checkCodePersonnel(wrong);
        assertEquals(LoginOutcome.Refusal.LOCKED, loginOutcome.refusal());
        Instant until = loginOutcome.lockedUntil();
        assertEquals(CredentialValidationResult.Status.INVALID, identityStore.checkCodePersonnel(right).getStatus(), "locked: even the right code");
        assertEquals(LoginOutcome.Refusal.LOCKED, loginOutcome.refusal());
        assertEquals(until, loginLocks.lockedUntil(Nir.parse(MOREL.nir())).orElseThrow(),
                "the lock is a database row, shared by every server");
        assertEquals(0, auditCount(AuditEvent.Type.LOGIN_SUCCESS, MOREL), "a right code personnel alone logs nobody in");
        assertEquals(9, auditCount(AuditEvent.Type.LOGIN_FAILURE, MOREL));
        assertEquals(1, auditCount(AuditEvent.Type.LOGIN_LOCKED, MOREL));
        assertEquals(1, auditCount(AuditEvent.Type.ACCOUNT_CREATED, MOREL));
        assertEquals(1, auditCount(AuditEvent.Type.ACCOUNT_ACTIVATED, MOREL));
    }

    /**
     * The three checks a guesser could repeat run under one guard (Throttling.guard): five failures
     * of each leave the same trail, five failures then one lock, and the sixth try is refused.
     */
    @Test
    void every_guarded_check_leaves_the_same_trail_of_failures_and_lock() throws Exception {
        activeAccount(LAMBERT, "robert.lambert@example.fr");
        IdentityProof wrongProof = new IdentityProof(new IbanTail("0000000"), new VitaleSerialTail("00000000000"));
        UsernamePasswordCredential wrongCode = new UsernamePasswordCredential(LAMBERT.nir(), new Password("Mauvais*code_1"));
        Nir santoni = Nir.parse(SANTONI.nir());
        for (int i = 0; i < 5; i++) {
            identityVerification.prove(GARCIA.claim(), wrongProof);
            identityStore.checkCodePersonnel(wrongCode);
            provisionalCodes.login(santoni, "0000");
        }
        // The fifth failure and its lock are written in one transaction, in no set order: compare the events, not their order.
        List<String> failuresThenLock = List.of("FAILURE", "FAILURE", "FAILURE", "FAILURE", "FAILURE", "LOCKED");
        assertEquals(failuresThenLock, guardTrail(GARCIA, "PROOF_"), "wizard proof");
        assertEquals(failuresThenLock, guardTrail(LAMBERT, "LOGIN_"), "code personnel");
        assertEquals(failuresThenLock, guardTrail(SANTONI, "LOGIN_"), "provisional code");
        assertTrue(identityVerification.prove(GARCIA.claim(), GARCIA.proof()).locked(), "proof locked");
        assertTrue(provisionalCodes.login(santoni, "0000").lockedUntil() != null, "provisional code locked");
        assertEquals(CredentialValidationResult.Status.INVALID, identityStore.checkCodePersonnel(
                new UsernamePasswordCredential(LAMBERT.nir(), new Password(CODE))).getStatus(), "code personnel locked");
        assertEquals(LoginOutcome.Refusal.LOCKED, loginOutcome.refusal());
    }

    /** PRODUCT §5: a stranger who knows the NIR locks out only the address they try from; the owner is told. */
    @Test
    void a_stranger_s_wrong_codes_lock_only_their_address_and_the_owner_is_told() throws Exception {
        activeAccount(FONTAINE, "anne@example.fr");
        UsernamePasswordCredential wrong = new UsernamePasswordCredential(FONTAINE.nir(), new Password("Mauvais*code_1"));
        UsernamePasswordCredential right = new UsernamePasswordCredential(FONTAINE.nir(), new Password(CODE));
        clientOrigin.setAddress("198.51.100.66");
        for (int i = 0; i < 5; i++) {
            identityStore.checkCodePersonnel(wrong);
        }
        assertEquals(LoginOutcome.Refusal.LOCKED, loginOutcome.refusal(), "the stranger's address is locked");
        assertEquals(CredentialValidationResult.Status.INVALID, identityStore.checkCodePersonnel(right).getStatus(), "from there, even the right code");

        clientOrigin.setAddress("203.0.113.20");
        assertEquals(CredentialValidationResult.Status.VALID, identityStore.checkCodePersonnel(right).getStatus(),
                "the owner, from another address, gets in at once");
        assertEquals("198.51.100.66", em.createNativeQuery(
                "select client_address from audit_event where event = 'LOGIN_LOCKED' and nir_hash = ?1")
                .setParameter(1, pseudonyms.of(Nir.parse(FONTAINE.nir()))).getSingleResult());
        Path mails = config.dataDir().resolve("mails");
        long deadline = System.currentTimeMillis() + 10_000;
        while (countMails(mails, "anne@example.fr") < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        String notice = awaitMail("anne@example.fr");
        assertTrue(notice.contains("la connexion depuis cet appareil est bloquée jusqu'au"), notice);
        assertFalse(notice.contains("http"), "no link in a security mail: " + notice);
    }

    /** PRODUCT §5: past the NIR's daily ceiling (12 here), every browser not remembered gets one try a minute, the owner's first. */
    @Test
    void past_the_daily_ceiling_of_failures_a_nir_gets_one_try_a_minute() throws Exception {
        activeAccount(OCONNOR, "siobhan@example.fr");
        UsernamePasswordCredential wrong = new UsernamePasswordCredential(OCONNOR.nir(), new Password("Mauvais*code_1"));
        UsernamePasswordCredential right = new UsernamePasswordCredential(OCONNOR.nir(), new Password(CODE));
        clientOrigin.setAddress("203.0.113.29");
        RememberedBrowsers.BrowserCookie ownBrowser = rememberedBrowsers.remember(Nir.parse(OCONNOR.nir())).orElseThrow();
        for (int address = 10; address < 13; address++) {
            clientOrigin.setAddress("198.51.100." + address);
            for (int i = 0; i < 4; i++) {
                identityStore.checkCodePersonnel(wrong);
                assertEquals(LoginOutcome.Refusal.WRONG_CREDENTIALS, loginOutcome.refusal(), "4 failures from one address: no lock");
            }
        }
        assertEquals(1, auditCount(AuditEvent.Type.LOGIN_CEILING_REACHED, OCONNOR));

        clientOrigin.setAddress("203.0.113.29");
        clientOrigin.setBrowserCookies(Map.of(ownBrowser.name(), ownBrowser.value()));
        for (int i = 0; i < 2; i++) {
            assertEquals(CredentialValidationResult.Status.VALID, identityStore.checkCodePersonnel(right).getStatus(),
                    "the owner's remembered browser is never slowed");
        }
        clientOrigin.setBrowserCookies(Map.of());
        clientOrigin.setAddress("203.0.113.30");
        assertEquals(CredentialValidationResult.Status.VALID, identityStore.checkCodePersonnel(right).getStatus(),
                "the first try of the minute goes through: the owner gets in");
        clientOrigin.setAddress("203.0.113.31");
        Instant before = Instant.now();
        assertEquals(CredentialValidationResult.Status.INVALID, identityStore.checkCodePersonnel(right).getStatus(), "the next one waits");
        assertEquals(LoginOutcome.Refusal.SLOWED, loginOutcome.refusal());
        long seconds = java.time.Duration.between(before, loginOutcome.lockedUntil()).toSeconds();
        assertTrue(seconds >= 0 && seconds <= 60, "within a minute: " + loginOutcome.lockedUntil());
    }

    /** Who may lock whom (PRODUCT §5), at the same instant: 20 wrong logins from one address at once are not 20 guesses. */
    @Test
    void twenty_wrong_logins_at_once_from_one_address_check_five_codes_and_lock_it() throws Exception {
        Person ferrand = inRegister("1 77 03 63 113 019", "FERRAND", "Yves", "15/03/1977", "63000");
        activeAccount(ferrand, "yves.ferrand@example.fr");
        List<CredentialValidationResult.Status> statuses = twentyAtOnce(i -> identityStore.checkCodePersonnel(
                new UsernamePasswordCredential(ferrand.nir(), new Password("Mauvais*code_" + i))).getStatus());
        assertTrue(statuses.stream().allMatch(CredentialValidationResult.Status.INVALID::equals));
        assertEquals(5, auditCount(AuditEvent.Type.LOGIN_FAILURE, ferrand), "no more than 5 codes were checked");
        assertEquals(1, auditCount(AuditEvent.Type.LOGIN_LOCKED, ferrand));
        assertTrue(loginLocks.lockedUntil(Nir.parse(ferrand.nir())).isPresent(), "the address is locked");
    }

    /** PRODUCT §2.10: the code personnel alone never logs in; the mailed code does, once; three wrong ones spend it; it expires. */
    @Test
    void a_code_personnel_alone_never_logs_in_and_the_mailed_security_code_logs_in_once() throws Exception {
        activeAccount(CELIK, "ayse@example.fr");
        clientOrigin.setAddress("198.51.100.90");
        Nir nir = Nir.parse(CELIK.nir());
        UsernamePasswordCredential right = new UsernamePasswordCredential(CELIK.nir(), new Password(CODE));
        assertEquals(CredentialValidationResult.Status.NOT_VALIDATED, identityStore.validate(right).getStatus(),
                "Jakarta Security never logs in on the code personnel alone");
        assertEquals(CredentialValidationResult.Status.VALID, identityStore.checkCodePersonnel(right).getStatus(), "the first step");

        assertEquals("a•••@example.fr", securityCodes.send(nir).orElseThrow().maskedEmail());
        String code = securityCodeSentTo("ayse@example.fr", 1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        SecurityCodes.Outcome once = securityCodes.verify(nir, wrong);
        assertEquals(fr.ameli.compte.domain.account.SecurityCode.Try.WRONG, once.result());
        assertEquals(2, once.triesLeft());
        assertEquals(fr.ameli.compte.domain.account.SecurityCode.Try.ACCEPTED, securityCodes.verify(nir, code).result());
        assertEquals(CredentialValidationResult.Status.VALID, identityStore.validate(new SecurityCodeCredential(nir, false)).getStatus(),
                "then the login is made");
        assertEquals(fr.ameli.compte.domain.account.SecurityCode.Try.SPENT, securityCodes.verify(nir, code).result(), "single use");

        securityCodes.send(nir);
        String second = securityCodeSentTo("ayse@example.fr", 2);
        String other = second.equals("000000") ? "111111" : "000000";
        assertEquals(fr.ameli.compte.domain.account.SecurityCode.Try.WRONG, securityCodes.verify(nir, other).result());
        assertEquals(fr.ameli.compte.domain.account.SecurityCode.Try.WRONG, securityCodes.verify(nir, other).result());
        assertEquals(fr.ameli.compte.domain.account.SecurityCode.Try.SPENT, securityCodes.verify(nir, other).result(), "the third wrong try spends it");
        clientOrigin.setAddress("198.51.100.91");
        assertEquals(fr.ameli.compte.domain.account.SecurityCode.Try.SPENT, securityCodes.verify(nir, second).result(), "even for the right code");

        securityCodes.send(nir);
        String third = securityCodeSentTo("ayse@example.fr", 3);
        Thread.sleep(3_300);
        assertEquals(fr.ameli.compte.domain.account.SecurityCode.Try.SPENT, securityCodes.verify(nir, third).result(), "expired after its validity");
        assertFalse(securityCodes.send(nir).orElseThrow().sent(), "at most " + config.mailsPerHour() + " codes an hour");
        assertEquals(3, auditCount(AuditEvent.Type.SECURITY_CODE_SENT, CELIK));
        assertEquals(1, auditCount(AuditEvent.Type.LOGIN_SUCCESS, CELIK));
    }

    /**
     * PRODUCT §2.10, §5: a remembered browser skips the security code, only for its account and
     * with the cookie as signed; wrong codes from it lock it alone; a new code personnel
     * forgets it.
     */
    @Test
    void a_remembered_browser_skips_the_security_code_locks_only_itself_and_is_forgotten_with_a_new_code() throws Exception {
        activeAccount(QUENTIN, "quentin@example.fr");
        Nir nir = Nir.parse(QUENTIN.nir());
        UsernamePasswordCredential wrong = new UsernamePasswordCredential(QUENTIN.nir(), new Password("Mauvais*code_1"));
        UsernamePasswordCredential right = new UsernamePasswordCredential(QUENTIN.nir(), new Password(CODE));
        clientOrigin.setAddress("198.51.100.120");
        clientOrigin.setUserAgent(FIREFOX_ON_WINDOWS);
        assertFalse(rememberedBrowsers.skipsSecurityCode(nir), "a browser not remembered gives the security code");

        RememberedBrowsers.BrowserCookie cookie = rememberedBrowsers.remember(nir).orElseThrow();
        assertEquals(java.time.Duration.ofDays(30), cookie.maxAge());
        String notice = awaitMailContaining("quentin@example.fr", "mémorisé");
        assertTrue(notice.replaceAll("\\s+", " ").contains("l'appareil « Firefox sous Windows » a été mémorisé"), notice);
        assertFalse(notice.contains("http"), "no link in a security mail: " + notice);
        assertEquals(1, auditCount(AuditEvent.Type.BROWSER_REMEMBERED, QUENTIN));

        clientOrigin.setBrowserCookies(Map.of(cookie.name(), cookie.value()));
        assertTrue(rememberedBrowsers.skipsSecurityCode(nir), "the remembered browser skips the security code");
        assertEquals(CredentialValidationResult.Status.VALID, identityStore.validate(new RememberedBrowserCredential(nir)).getStatus());
        String token = cookie.value().substring(0, cookie.value().indexOf('.'));
        clientOrigin.setBrowserCookies(Map.of(cookie.name(), token + "." + "0".repeat(64)));
        assertFalse(rememberedBrowsers.skipsSecurityCode(nir), "a cookie not signed by us");
        activeAccount(RENAUD, "renaud@example.fr");
        Nir other = Nir.parse(RENAUD.nir());
        clientOrigin.setBrowserCookies(Map.of(rememberedBrowsers.cookieName(other), cookie.value()));
        assertFalse(rememberedBrowsers.skipsSecurityCode(other), "a cookie moved to another account");

        clientOrigin.setBrowserCookies(Map.of(cookie.name(), cookie.value()));
        for (int i = 0; i < 5; i++) {
            identityStore.checkCodePersonnel(wrong);
        }
        assertEquals(LoginOutcome.Refusal.LOCKED, loginOutcome.refusal(), "five wrong codes from the remembered browser lock it");
        assertEquals(CredentialValidationResult.Status.INVALID, identityStore.checkCodePersonnel(right).getStatus());
        clientOrigin.setBrowserCookies(Map.of());
        assertEquals(CredentialValidationResult.Status.VALID, identityStore.checkCodePersonnel(right).getStatus(),
                "the same address without that browser is not locked");

        codeReset.request(nir, java.time.LocalDate.of(1950, 9, 17));
        String link = resetTokenFrom(awaitMailContaining("quentin@example.fr", "nouveau-code.xhtml"));
        assertEquals(CodeReset.Outcome.CHANGED, codeReset.choose(link, "Nouveau*Code_7", "Nouveau*Code_7"));
        clientOrigin.setBrowserCookies(Map.of(cookie.name(), cookie.value()));
        assertFalse(rememberedBrowsers.skipsSecurityCode(nir), "a new code personnel forgets every remembered browser");
        assertEquals(1, auditCount(AuditEvent.Type.BROWSERS_FORGOTTEN, QUENTIN));
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from remembered_browser where account_id = ?1")
                .setParameter(1, accounts.findByNir(nir).orElseThrow().id()).getSingleResult()).longValue());
    }

    /**
     * PRODUCT §2.10: FranceConnect's identity is matched exactly, against every person of the register born
     * that day — here 300, more than the old look-up read — so that a homonym is not logged into another's
     * account: « Jean DUBOIS » is not « Jean-Michel DUBOIS », born the same day in the same commune.
     */
    @Test
    void franceconnect_finds_the_one_person_among_three_hundred_born_the_same_day_and_never_a_homonym() throws Exception {
        transaction.begin();
        for (int order = 1; order <= 297; order++) {
            inRegisterInTransaction(String.format("1 70 01 75 115 %03d", order), "PERSONNE" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(order % 26),
                    "Prénom", "01/01/1970", "75015");
        }
        Person jeanMichel = inRegisterInTransaction("1 70 01 75 115 298", "DUBOIS", "Jean-Michel", "01/01/1970", "75015");
        Person jeanne = inRegisterInTransaction("2 70 01 75 115 299", "DUBOIS", "Jeanne", "01/01/1970", "75015");
        Person jean = inRegisterInTransaction("1 70 01 75 115 300", "DUBOIS", "Jean", "01/01/1970", "75015");
        transaction.commit();
        activeAccount(jeanMichel, "jean-michel.dubois@example.fr");
        activeAccount(jeanne, "jeanne.dubois@example.fr");
        activeAccount(jean, "jean.dubois@example.fr");
        java.time.LocalDate born = java.time.LocalDate.of(1970, 1, 1);
        java.util.function.Function<fr.ameli.compte.domain.person.PivotIdentity, Optional<Nir>> login =
                pivot -> franceConnectLogin.activeAccountOf(new FranceConnectIdentity(pivot, "eidas1"));
        assertEquals(Optional.of(Nir.parse(jean.nir())),
                login.apply(new fr.ameli.compte.domain.person.PivotIdentity("Jean Pierre", "Dubois", born, "male", "75115", "99100")), "the owner");
        assertEquals(Optional.of(Nir.parse(jeanMichel.nir())),
                login.apply(new fr.ameli.compte.domain.person.PivotIdentity("Jean-Michel", "DUBOIS", born, "male", "75115", "99100")));
        assertEquals(Optional.of(Nir.parse(jeanne.nir())),
                login.apply(new fr.ameli.compte.domain.person.PivotIdentity("Jeanne", "DUBOIS", born, "female", "75115", "99100")));
        assertEquals(Optional.empty(),
                login.apply(new fr.ameli.compte.domain.person.PivotIdentity("Jean", "DUBOIS", born, "male", "75116", "99100")),
                "born in another arrondissement: nobody here, the account creation");
        assertEquals(Optional.empty(),
                login.apply(new fr.ameli.compte.domain.person.PivotIdentity(null, "DUBOIS", born, "male", "75115", "99100")),
                "no given name: nobody, never « any »");
    }

    // ---- « Code oublié ? » (README « Code oublié ? »)

    @Test
    void a_forgotten_code_is_replaced_through_a_single_use_link_and_the_old_one_stops_working() throws Exception {
        activeAccount(NGUYEN, "lan@example.fr");
        Nir nir = Nir.parse(NGUYEN.nir());
        Path mails = config.dataDir().resolve("mails");

        codeReset.request(nir, java.time.LocalDate.of(1988, 6, 19));
        codeReset.request(Nir.parse("1 99 12 75 123 456"), java.time.LocalDate.of(1999, 12, 1));
        Thread.sleep(500);
        assertEquals(1, countMails(mails, "lan@example.fr"), "a wrong birth date or an unknown NIR sends nothing");

        codeReset.request(nir, java.time.LocalDate.of(1988, 6, 18));
        long deadline = System.currentTimeMillis() + 10_000;
        while (countMails(mails, "lan@example.fr") < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        String text = awaitMail("lan@example.fr");
        assertTrue(text.contains("valable 3 secondes"), text);
        String token = resetTokenFrom(text);
        assertTrue(codeReset.check(token).valid());
        assertEquals(CodeReset.Outcome.CODE_REJECTED, codeReset.choose(token, "Lan*1988x", "Lan*1988x"), "same rules as at creation");
        assertEquals(CodeReset.Outcome.CODE_REJECTED, codeReset.choose(token, "Azerty2024!", "Azerty2024!"), "a common code");
        assertEquals(CodeReset.Outcome.CODE_REJECTED, codeReset.choose(token, "ThiLan_Nguyen94", "ThiLan_Nguyen94"), "the register's names");
        assertEquals(CodeReset.Outcome.CODE_NOT_CONFIRMED, codeReset.choose(token, "Nouveau*Code_7", "Nouveau*Code_8"));
        assertEquals(CodeReset.Outcome.CHANGED, codeReset.choose(token, "Nouveau*Code_7", "Nouveau*Code_7"));
        long noticeDeadline = System.currentTimeMillis() + 10_000;
        while (countMails(mails, "lan@example.fr") < 3 && System.currentTimeMillis() < noticeDeadline) {
            Thread.sleep(50);
        }
        String changedNotice = awaitMail("lan@example.fr");
        assertTrue(changedNotice.contains("Le code personnel de votre compte ameli a été modifié le"), changedNotice);
        assertFalse(changedNotice.contains("http"), "no link in a security mail: " + changedNotice);
        assertEquals(CredentialValidationResult.Status.INVALID,
                identityStore.checkCodePersonnel(new UsernamePasswordCredential(NGUYEN.nir(), new Password(CODE))).getStatus(), "the old code stops working");
        assertEquals(CredentialValidationResult.Status.VALID,
                identityStore.checkCodePersonnel(new UsernamePasswordCredential(NGUYEN.nir(), new Password("Nouveau*Code_7"))).getStatus());
        assertEquals(CodeReset.Outcome.LINK_UNUSABLE, codeReset.choose(token, "Encore*Autre_9", "Encore*Autre_9"), "single use");
        assertEquals(fr.ameli.compte.domain.account.ActivationToken.State.USED, codeReset.check(token).state());
        assertEquals(null, codeReset.check("x".repeat(43)).state(), "unknown link");

        // The answer does not wait for the look-up, so its time says nothing of whether an account matched: with the
        // account table locked by another transaction, the request still returns at once; the link follows the release.
        String product;
        try (java.sql.Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        transaction.begin();
        try {
            em.createNativeQuery("PostgreSQL".equals(product) ? "LOCK TABLE account IN ACCESS EXCLUSIVE MODE"
                    : "LOCK TABLE account IN EXCLUSIVE MODE").executeUpdate();
            executor.submit(() -> codeReset.request(nir, java.time.LocalDate.of(1988, 6, 18))).get(2, java.util.concurrent.TimeUnit.SECONDS);
            Thread.sleep(300);
            assertEquals(3, countMails(mails, "lan@example.fr"), "the look-up waits for the table");
        } finally {
            transaction.commit();
        }
        deadline = System.currentTimeMillis() + 10_000;
        while (countMails(mails, "lan@example.fr") < 4 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        String expiring = resetTokenFrom(awaitMail("lan@example.fr"));
        Thread.sleep(3500);
        assertEquals(fr.ameli.compte.domain.account.ActivationToken.State.EXPIRED, codeReset.check(expiring).state());
        assertEquals(CodeReset.Outcome.LINK_UNUSABLE, codeReset.choose(expiring, "Encore*Autre_9", "Encore*Autre_9"));
        assertEquals(1, auditCount(AuditEvent.Type.CODE_CHANGED, NGUYEN));
    }

    /**
     * « Prolonger » on the new-code page: a valid link gets the link's validity again from now, never past its
     * longest life (5 s after it was sent here, 2 hours by default); a lapsed one stays lapsed.
     */
    @Test
    void prolonger_gives_a_valid_reset_link_more_time_up_to_its_longest_life_and_an_expired_one_none() throws Exception {
        activeAccount(MULLER, "hans@example.fr");
        codeReset.request(Nir.parse(MULLER.nir()), java.time.LocalDate.of(1965, 7, 9));
        Path mails = config.dataDir().resolve("mails");
        long deadline = System.currentTimeMillis() + 10_000;
        while (countMails(mails, "hans@example.fr") < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        String token = resetTokenFrom(awaitMail("hans@example.fr"));
        Instant first = codeReset.check(token).expiresAt();
        Instant longest = first.plusSeconds(2);
        Thread.sleep(1_500);
        assertEquals(CodeResetToken.Prolonged.PROLONGED, codeReset.prolong(token));
        Instant prolonged = codeReset.check(token).expiresAt();
        assertTrue(prolonged.isAfter(first.plusMillis(1_000)), first + " then " + prolonged);
        Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), prolonged).toMillis() - 600));
        assertEquals(CodeResetToken.Prolonged.PROLONGED, codeReset.prolong(token), "more time, up to its longest life");
        assertEquals(longest, codeReset.check(token).expiresAt(), "never past 5 s after it was sent");
        assertEquals(CodeResetToken.Prolonged.AT_LONGEST, codeReset.prolong(token), "at its longest life: no more time");
        assertEquals(longest, codeReset.check(token).expiresAt());
        Thread.sleep(java.time.Duration.between(Instant.now(), longest).toMillis() + 300);
        assertEquals(fr.ameli.compte.domain.account.SingleUseToken.State.EXPIRED, codeReset.check(token).state());
        assertEquals(CodeResetToken.Prolonged.UNUSABLE, codeReset.prolong(token), "too late: the link stays expired");
        assertEquals(fr.ameli.compte.domain.account.SingleUseToken.State.EXPIRED, codeReset.check(token).state());
    }

    /** A single-use link works once, even for 20 POSTs at the same instant: one new code, one « code modifié » mail. */
    @Test
    void twenty_choices_at_once_on_one_code_reset_link_set_one_code_and_send_one_mail() throws Exception {
        Person cordier = inRegister("1 58 06 44 109 011", "CORDIER", "Luc", "03/06/1958", "44000");
        activeAccount(cordier, "luc.cordier@example.fr");
        codeReset.request(Nir.parse(cordier.nir()), java.time.LocalDate.of(1958, 6, 3));
        String token = resetTokenFrom(awaitMailContaining("luc.cordier@example.fr", "nouveau-code"));
        List<CodeReset.Outcome> outcomes = twentyAtOnce(i -> codeReset.choose(token, "Nouveau*Code_" + (10 + i), "Nouveau*Code_" + (10 + i)));
        assertEquals(1, outcomes.stream().filter(CodeReset.Outcome.CHANGED::equals).count(), outcomes.toString());
        assertEquals(19, outcomes.stream().filter(CodeReset.Outcome.LINK_UNUSABLE::equals).count(), outcomes.toString());
        em.getEntityManagerFactory().getCache().evictAll();
        String hash = accounts.findByNir(Nir.parse(cordier.nir())).orElseThrow().codeHash();
        long working = java.util.stream.IntStream.range(0, 20)
                .filter(i -> codeHasher.verify("Nouveau*Code_" + (10 + i), Optional.of(hash))).count();
        assertEquals(1, working, "exactly one of the twenty codes works");
        Thread.sleep(1_000);
        assertEquals(1, mailsSaying("luc.cordier@example.fr", "a été modifié"), "one « code modifié » mail");
        assertEquals(1, auditCount(AuditEvent.Type.CODE_CHANGED, cordier));
    }

    // ---- « Mon espace »: logins, the code, the closure, the data (PRODUCT §2.11)

    /** PRODUCT §2.11: the 10 latest logins are kept with how and from which browser; « Me déconnecter de tous les appareils » ends them all. */
    @Test
    void logins_are_listed_ten_at_most_and_logging_out_everywhere_ends_every_session_and_forgets_the_browsers() throws Exception {
        activeAccount(VIDAL, "vidal@example.fr");
        Nir nir = Nir.parse(VIDAL.nir());
        clientOrigin.setAddress("198.51.100.140");
        clientOrigin.setUserAgent(FIREFOX_ON_WINDOWS);
        String first = loginSessions.opened(nir, fr.ameli.compte.domain.account.LoginSession.Method.SECURITY_CODE).orElseThrow();
        rememberedBrowsers.remember(nir);
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            keys.add(loginSessions.opened(nir, fr.ameli.compte.domain.account.LoginSession.Method.REMEMBERED_BROWSER).orElseThrow());
        }
        LoginSessions.Listing listing = loginSessions.of(nir, java.time.Duration.ofMinutes(20));
        assertEquals(10, listing.logins().size(), "the 10 latest only");
        assertFalse(loginSessions.stillOpen(first), "a login pushed out of the 10 kept is logged out");
        assertEquals("Firefox sous Windows", listing.logins().get(0).browser());
        assertEquals(fr.ameli.compte.domain.account.LoginSession.Method.REMEMBERED_BROWSER, listing.logins().get(0).method());
        assertEquals(10, listing.openNow().size());
        assertTrue(LoginSessions.isThisSession(listing.logins().get(0), keys.get(9)), "the latest first");

        loginSessions.ended(keys.get(9));
        assertFalse(loginSessions.stillOpen(keys.get(9)), "« Me déconnecter » ends this session");
        assertTrue(loginSessions.stillOpen(keys.get(8)), "and only this one");
        assertEquals(9, loginSessions.of(nir, java.time.Duration.ofMinutes(20)).openNow().size());

        loginSessions.endEverywhere(nir);
        assertTrue(keys.stream().noneMatch(loginSessions::stillOpen), "every session is logged out at its next request");
        assertTrue(rememberedBrowsers.of(nir).isEmpty(), "and the remembered browsers are forgotten");
        assertEquals(1, auditCount(AuditEvent.Type.LOGGED_OUT_EVERYWHERE, VIDAL));
        assertFalse(loginSessions.opened(Nir.parse(TOTO.nir()), fr.ameli.compte.domain.account.LoginSession.Method.SECURITY_CODE).isPresent(),
                "no login row without an active account");
    }

    /**
     * Issue 28 §1: a code hash (140 ms of a core) never runs inside a transaction, which would hold a
     * pooled database connection all that time: thirty-odd logins at once would stall every page.
     * Every use case that checks or makes a code, watched by {@link HashingWatch}.
     */
    @Test
    void no_code_is_hashed_inside_a_transaction_so_no_hash_holds_a_database_connection() throws Exception {
        HashingWatch.reset();
        Nir nir = Nir.parse(PELLETIER.nir());
        clientOrigin.setAddress("198.51.100.160");
        activeAccount(PELLETIER, "paul.pelletier@example.fr");
        identityStore.checkCodePersonnel(new UsernamePasswordCredential(PELLETIER.nir(), new Password("Mauvais*code_1")));
        assertEquals(CredentialValidationResult.Status.VALID,
                identityStore.checkCodePersonnel(new UsernamePasswordCredential(PELLETIER.nir(), new Password(CODE))).getStatus());
        identityStore.checkCodePersonnel(new UsernamePasswordCredential("pas un NIR", new Password(CODE)));
        provisionalCodes.login(nir, "1234");
        assertEquals(CodeChange.Outcome.CHANGED, codeChange.change(nir, CODE, "Nouveau*Code_7", "Nouveau*Code_7", null).outcome());
        codeReset.request(nir, java.time.LocalDate.of(1970, 5, 12));
        String link = resetTokenFrom(awaitMailContaining("paul.pelletier@example.fr", "nouveau-code.xhtml"));
        assertEquals(CodeReset.Outcome.CHANGED, codeReset.choose(link, "Encore*Code_8", "Encore*Code_8"));
        assertEquals(AccountClosure.Outcome.CLOSED, closure.close(nir, "Encore*Code_8").outcome());
        assertAll(
                () -> assertEquals(List.of(), HashingWatch.inTransaction()),
                () -> assertTrue(HashingWatch.hashes() >= 9, "every use case was watched: " + HashingWatch.hashes()));
    }

    /** PRODUCT §2.11: the current code, then a new one under the rules; other sessions and remembered browsers are shut out, a mail tells. */
    @Test
    void changing_the_code_needs_the_current_one_and_logs_out_every_other_session() throws Exception {
        activeAccount(SCHMITT, "schmitt@example.fr");
        Nir nir = Nir.parse(SCHMITT.nir());
        clientOrigin.setAddress("198.51.100.150");
        String here = loginSessions.opened(nir, fr.ameli.compte.domain.account.LoginSession.Method.SECURITY_CODE).orElseThrow();
        String elsewhere = loginSessions.opened(nir, fr.ameli.compte.domain.account.LoginSession.Method.SECURITY_CODE).orElseThrow();
        rememberedBrowsers.remember(nir);

        assertEquals(CodeChange.Outcome.CURRENT_WRONG, codeChange.change(nir, "Mauvais*code_1", "Nouveau*Code_7", "Nouveau*Code_7", here).outcome());
        assertEquals(CodeChange.Outcome.CODE_REJECTED, codeChange.change(nir, CODE, "Schmitt*1978", "Schmitt*1978", here).outcome(),
                "the rules of PRODUCT §2.5: not the person's own name");
        assertEquals(CodeChange.Outcome.CODE_NOT_CONFIRMED, codeChange.change(nir, CODE, "Nouveau*Code_7", "Nouveau*Code_8", here).outcome());
        assertEquals(CodeChange.Outcome.SAME_AS_CURRENT, codeChange.change(nir, CODE, CODE, CODE, here).outcome());
        assertTrue(loginSessions.stillOpen(elsewhere), "nothing changed yet");
        assertEquals(CodeChange.Outcome.CHANGED, codeChange.change(nir, CODE, "Nouveau*Code_7", "Nouveau*Code_7", here).outcome());

        assertTrue(loginSessions.stillOpen(here), "the session that changed it stays logged in");
        assertFalse(loginSessions.stillOpen(elsewhere), "every other one is logged out");
        assertTrue(rememberedBrowsers.of(nir).isEmpty(), "every remembered browser gives the security code again");
        assertEquals(CredentialValidationResult.Status.INVALID,
                identityStore.checkCodePersonnel(new UsernamePasswordCredential(SCHMITT.nir(), new Password(CODE))).getStatus(), "the old code stops working");
        assertEquals(CredentialValidationResult.Status.VALID,
                identityStore.checkCodePersonnel(new UsernamePasswordCredential(SCHMITT.nir(), new Password("Nouveau*Code_7"))).getStatus());
        String notice = awaitMailContaining("schmitt@example.fr", "a été modifié");
        assertFalse(notice.contains("http"), "no link in a security mail: " + notice);
        assertEquals(1, auditCount(AuditEvent.Type.CODE_CHANGED, SCHMITT));
    }

    /** PRODUCT §2.11, §5: closing removes the account and its data in one go, keeps the pseudonymised trail, mails, and frees the NIR. */
    @Test
    void closing_the_account_removes_its_rows_frees_the_nir_and_keeps_the_trail() throws Exception {
        activeAccount(TESSIER, "tessier@example.fr");
        Nir nir = Nir.parse(TESSIER.nir());
        clientOrigin.setAddress("198.51.100.160");
        String session = loginSessions.opened(nir, fr.ameli.compte.domain.account.LoginSession.Method.SECURITY_CODE).orElseThrow();
        rememberedBrowsers.remember(nir);
        securityCodes.send(nir);
        awaitMailContaining("tessier@example.fr", "Voici le code de sécurité");
        awaitMailContaining("tessier@example.fr", "mémorisé");
        Account account = accounts.findByNir(nir).orElseThrow();

        assertEquals(AccountClosure.Outcome.CURRENT_WRONG, closure.close(nir, "Mauvais*code_1").outcome());
        assertTrue(accounts.findByNir(nir).isPresent(), "a wrong code closes nothing");
        assertEquals(AccountClosure.Outcome.CLOSED, closure.close(nir, CODE).outcome());

        assertTrue(accounts.findByNir(nir).isEmpty(), "the account is gone");
        for (String table : List.of("security_code", "remembered_browser", "login_session", "code_reset_token", "activation_token",
                "email_change_token")) {
            assertEquals(0, rows(table, account), table);
        }
        assertFalse(loginSessions.stillOpen(session), "its sessions are logged out");
        String closed = awaitMailContaining("tessier@example.fr", "clôturé");
        assertFalse(closed.contains("http"), "no link: " + closed);
        long deadline = System.currentTimeMillis() + 10_000;
        while (mailRowsTo("tessier@example.fr") > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, mailRowsTo("tessier@example.fr"), "once sent, not even the address of its last mail stays");
        assertEquals(1, auditCount(AuditEvent.Type.ACCOUNT_CLOSED, TESSIER));
        assertTrue(auditCount(AuditEvent.Type.ACCOUNT_CREATED, TESSIER) == 1, "the pseudonymised trail stays");

        registration.register(request(TESSIER, "tessier.nouveau@example.fr"));
        assertEquals(AccountStatus.PENDING_ACTIVATION, accounts.findByNir(nir).orElseThrow().status(), "the NIR is free for a new account");
    }

    /** PRODUCT §2.11, RGPD art. 15: the download holds what the account holds, with the consents' dates, and no secret. */
    @Test
    void the_data_download_holds_what_the_account_holds_and_no_secret() throws Exception {
        activeAccount(WEBER, "weber@example.fr");
        Nir nir = Nir.parse(WEBER.nir());
        clientOrigin.setAddress("198.51.100.170");
        clientOrigin.setUserAgent(FIREFOX_ON_WINDOWS);
        loginSessions.opened(nir, fr.ameli.compte.domain.account.LoginSession.Method.SECURITY_CODE).orElseThrow();
        RememberedBrowsers.BrowserCookie cookie = rememberedBrowsers.remember(nir).orElseThrow();
        assertEquals(ContactSettings.Outcome.CHANGED, contactSettings.answer(nir, fr.ameli.compte.domain.account.Consent.MOBILE_SMS, true));

        String json = personalDataExport.json(nir).orElseThrow();
        jakarta.json.JsonObject data = jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject();
        assertAll(
                () -> assertEquals("WEBER", data.getJsonObject("identite").getString("nom")),
                () -> assertEquals("1973-04-19", data.getJsonObject("identite").getString("date_de_naissance")),
                () -> assertEquals("weber@example.fr", data.getJsonObject("coordonnees").getString("email")),
                () -> assertEquals("06 12 34 56 78", data.getJsonObject("coordonnees").getString("telephone_portable")),
                () -> assertEquals(3, data.getJsonArray("consentements").size(), "email, and the mobile's calls and SMS"),
                () -> assertEquals("oui", data.getJsonArray("consentements").getJsonObject(2).getString("reponse")),
                () -> assertFalse(data.getJsonArray("consentements").getJsonObject(2).getString("depuis_le").isEmpty()),
                () -> assertEquals(1, data.getJsonArray("connexions").size()),
                () -> assertEquals("Firefox sous Windows", data.getJsonArray("appareils_memorises").getJsonObject(0).getString("navigateur")));
        Account account = accounts.findByNir(nir).orElseThrow();
        List<String> secrets = new java.util.ArrayList<>(List.of(account.codeHash(), cookie.value(),
                cookie.value().substring(0, cookie.value().indexOf('.'))));
        for (String table : List.of("remembered_browser", "login_session")) {
            String column = table.equals("login_session") ? "session_key" : "token_hash";
            secrets.add(em.createNativeQuery("select " + column + " from " + table + " where account_id = ?1")
                    .setParameter(1, account.id()).getSingleResult().toString());
        }
        String html = personalDataExport.html(nir).orElseThrow();
        for (String secret : secrets) {
            assertFalse(json.contains(secret) || html.contains(secret), "no secret in the download: " + secret);
        }
        assertTrue(html.contains("Mes données du compte ameli") && html.contains("WEBER") && html.contains("Firefox sous Windows"), html);
        assertFalse(json.toLowerCase(java.util.Locale.ROOT).contains("iban") || json.toLowerCase(java.util.Locale.ROOT).contains("vitale"),
                "the bank details and the Vitale serial are only compared, never given back: " + json);
        assertEquals(2, auditCount(AuditEvent.Type.DATA_EXPORTED, WEBER), "each download is in the trail");
        assertTrue(personalDataExport.json(Nir.parse(TOTO.nir())).isEmpty(), "nothing without an active account");
    }

    // ---- « Mon espace »: a new email address (PRODUCT §2.11, §3 « email address »)

    @Test
    void an_email_changes_only_by_the_post_of_its_link_and_the_old_address_is_told(@ArquillianResource URL base) throws Exception {
        activeAccount(IMBERT, "ines.imbert@example.fr");
        Nir nir = Nir.parse(IMBERT.nir());

        assertEquals(EmailChange.Requested.Status.SAME_ADDRESS, emailChange.request(nir, new EmailAddress("Ines.Imbert@EXAMPLE.fr")).status());
        assertEquals(EmailChange.Requested.Status.SENT, emailChange.request(nir, new EmailAddress("ines.nouvelle@example.fr")).status());
        String text = awaitMail("ines.nouvelle@example.fr");
        assertEquals("ines.imbert@example.fr", emailOf(IMBERT), "not before it is confirmed");
        assertTrue(text.contains("valable 3 secondes"), text);
        String token = emailLinkSentTo("ines.nouvelle@example.fr", 1);
        List<?> stored = em.createNativeQuery("select token_hash from email_change_token where token_hash = ?1")
                .setParameter(1, SecretTokens.hash(token)).getResultList();
        assertEquals(1, stored.size(), "only the token's hash is stored");

        // A mail scanner opens the link (HEAD, GET); so does the person: nothing changes.
        HttpClient http = HttpClient.newHttpClient();
        for (String method : List.of("HEAD", "GET", "GET")) {
            HttpResponse<String> opened = http.send(HttpRequest.newBuilder(URI.create(base + "confirmation-email.xhtml?jeton=" + token))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, opened.statusCode(), method);
        }
        assertEquals(new EmailChange.Link(EmailChange.Outcome.READY, new EmailAddress("ines.nouvelle@example.fr")), emailChange.check(token));
        assertEquals("ines.imbert@example.fr", emailOf(IMBERT), "opening the link changes nothing");

        assertEquals(EmailChange.Outcome.CONFIRMED, emailChange.confirm(token));
        assertEquals("ines.nouvelle@example.fr", emailOf(IMBERT));
        awaitMails("ines.imbert@example.fr", 2);
        String notice = awaitMail("ines.imbert@example.fr");
        assertAll(notice,
                () -> assertTrue(notice.contains("L'adresse email de votre compte ameli a été modifiée le"), "the old address is told"),
                () -> assertTrue(notice.contains("La nouvelle adresse est i•••@example.fr."), "the new one masked"),
                () -> assertFalse(notice.contains("http"), "no link"));
        assertEquals(EmailChange.Outcome.ALREADY_USED, emailChange.confirm(token), "single use");
        assertEquals(EmailChange.Outcome.ALREADY_USED, emailChange.check(token).outcome());
        assertEquals(EmailChange.Outcome.UNKNOWN, emailChange.confirm("x".repeat(43)));
        assertEquals(EmailChange.Outcome.UNKNOWN, emailChange.check("<script>").outcome());

        // A second request, then one for the address of another account (docs/PRODUCT.md §3: one rule with the
        // account's creation — a household, a helper's mailbox): asking again replaces the earlier request, and
        // the shared address gets its link like any other.
        activeAccount(JOLY, "jules.joly@example.fr");
        assertEquals(EmailChange.Requested.Status.SENT, emailChange.request(nir, new EmailAddress("ines.troisieme@example.fr")).status());
        String earlier = emailLinkSentTo("ines.troisieme@example.fr", 1);
        assertEquals(EmailChange.Requested.Status.SENT, emailChange.request(nir, new EmailAddress("Jules.Joly@example.fr")).status());
        String shared = emailLinkSentTo("Jules.Joly@example.fr", 1);
        assertEquals(EmailChange.Outcome.UNKNOWN, emailChange.confirm(earlier), "asking again replaces the earlier request");
        assertEquals("ines.nouvelle@example.fr", emailOf(IMBERT), "nothing changed before the confirmation");
        assertEquals(EmailChange.Outcome.CONFIRMED, emailChange.confirm(shared), "an address another account has is accepted");
        assertEquals("Jules.Joly@example.fr", emailOf(IMBERT));
        assertEquals("jules.joly@example.fr", emailOf(JOLY), "the other account keeps it too");

        EmailChange.Requested tooMany = emailChange.request(nir, new EmailAddress("ines.quatrieme@example.fr"));
        assertEquals(EmailChange.Requested.Status.TOO_MANY, tooMany.status(), "at most " + config.mailsPerHour() + " an hour");
        assertNotNull(tooMany.tooManyUntil());
        assertAll(
                () -> assertEquals(3, auditCount(AuditEvent.Type.EMAIL_CHANGE_REQUESTED, IMBERT)),
                () -> assertEquals(2, auditCount(AuditEvent.Type.EMAIL_CHANGE_CONFIRMED, IMBERT)));

        // An expired link changes nothing.
        Nir other = Nir.parse(JOLY.nir());
        emailChange.request(other, new EmailAddress("jules.nouveau@example.fr"));
        String expiring = emailLinkSentTo("jules.nouveau@example.fr", 1);
        Thread.sleep(3_500);
        assertEquals(EmailChange.Outcome.EXPIRED, emailChange.check(expiring).outcome());
        assertEquals(EmailChange.Outcome.EXPIRED, emailChange.confirm(expiring));
        assertEquals("jules.joly@example.fr", emailOf(JOLY));
    }

    @Test
    void a_pending_change_goes_with_its_account_and_the_agent_s_file_lists_an_account_s_mails_not_an_address_s() throws Exception {
        activeAccount(KLEIN, "karine.klein@example.fr");
        Account klein = accounts.findByNir(Nir.parse(KLEIN.nir())).orElseThrow();
        emailChange.request(klein.nir(), new EmailAddress("karine@example.fr"));
        String token = emailLinkSentTo("karine@example.fr", 1);
        // Another account created with the same address meanwhile (a household): accepted, and nothing lists one's mails in the other's file.
        activeAccount(LEROUX, "karine@example.fr");
        Agent agent = agent("agent-fichier-klein");
        List<String> kleinMails = desk.lookUp(agent, klein.nir(), REASON).file().orElseThrow().mails().stream().map(MailLine::subject).toList();
        List<String> lerouxMails = desk.lookUp(agent, Nir.parse(LEROUX.nir()), REASON).file().orElseThrow().mails().stream()
                .map(MailLine::subject).toList();
        assertEquals(List.of("Confirmez votre nouvelle adresse email ameli", "Activez votre compte ameli"), kleinMails, "KLEIN's own mails");
        assertEquals(List.of("Activez votre compte ameli"), lerouxMails, "LEROUX's only, though one address received both");

        // The account removed (as a closure does): its pending change goes with it, without being named.
        transaction.begin();
        for (String table : List.of("activation_token", "outbound_mail", "security_code", "code_reset_token")) {
            em.createNativeQuery("delete from " + table + " where account_id = ?1").setParameter(1, klein.id()).executeUpdate();
        }
        em.createNativeQuery("delete from account where id = ?1").setParameter(1, klein.id()).executeUpdate();
        transaction.commit();
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from email_change_token where account_id = ?1")
                .setParameter(1, klein.id()).getSingleResult()).longValue());
        assertEquals(EmailChange.Outcome.UNKNOWN, emailChange.check(token).outcome());
    }

    // ---- « Mon espace »: phone numbers and consents (PRODUCT §2.11)

    @Test
    void a_consent_is_withdrawn_and_given_again_in_one_call_each_with_its_date_and_its_audit_event() throws Exception {
        Nir nir = activeAccount(ARNAUD, "alice.arnaud@example.fr");
        Account account = accounts.findByNir(nir).orElseThrow();
        assertAll("the wizard's answers are dated at the account's creation",
                () -> assertEquals(account.createdAt(), account.contact().answeredAt(Consent.EMAIL_PROMOTIONS)),
                () -> assertEquals(account.createdAt(), account.contact().answeredAt(Consent.MOBILE_CALLS)),
                () -> assertEquals(account.createdAt(), account.contact().answeredAt(Consent.MOBILE_SMS)),
                () -> assertEquals(null, account.contact().answeredAt(Consent.LANDLINE_CALLS), "no landline, no answer"));

        Instant before = Instant.now();
        assertEquals(ContactSettings.Outcome.CHANGED, contactSettings.answer(nir, Consent.MOBILE_CALLS, false));
        Instant after = Instant.now();
        ContactChoices withdrawn = contactOf(nir);
        assertEquals(Boolean.FALSE, withdrawn.mobileCalls());
        assertBetween(before, after, withdrawn.answeredAt(Consent.MOBILE_CALLS), "the withdrawal's date");
        assertEquals(account.createdAt(), withdrawn.answeredAt(Consent.MOBILE_SMS), "the other consents keep theirs");
        assertEquals(Boolean.FALSE, queries.contact(nir).orElseThrow().mobileCalls(), "what « Mon espace » reads");
        assertEquals(1, auditCount(AuditEvent.Type.CONSENT_WITHDRAWN, ARNAUD));

        assertEquals(ContactSettings.Outcome.UNCHANGED, contactSettings.answer(nir, Consent.MOBILE_CALLS, false), "a second click");
        assertEquals(withdrawn.answeredAt(Consent.MOBILE_CALLS), contactOf(nir).answeredAt(Consent.MOBILE_CALLS), "nothing rewritten");
        assertEquals(1, auditCount(AuditEvent.Type.CONSENT_WITHDRAWN, ARNAUD), "nothing audited");

        assertEquals(ContactSettings.Outcome.CHANGED, contactSettings.answer(nir, Consent.EMAIL_PROMOTIONS, true));
        assertTrue(contactOf(nir).emailPromotions());
        assertEquals(1, auditCount(AuditEvent.Type.CONSENT_GIVEN, ARNAUD));
        assertEquals(ContactSettings.Outcome.NO_NUMBER, contactSettings.answer(nir, Consent.LANDLINE_CALLS, true));
        assertEquals(null, contactOf(nir).landlineCalls(), "no consent for a number not given");

        // The change and its audit line are one transaction: rolled back, neither stays.
        transaction.begin();
        contactSettings.answer(nir, Consent.MOBILE_SMS, true);
        transaction.rollback();
        assertEquals(Boolean.FALSE, contactOf(nir).mobileSms());
        assertEquals(1, auditCount(AuditEvent.Type.CONSENT_GIVEN, ARNAUD), "no audit line without its change");
        Object[] row = (Object[]) em.createNativeQuery("select email_promotions_at, mobile_calls_at, landline_calls_at from account"
                + " where nir = ?1").setParameter(1, ARNAUD.nir()).getSingleResult();
        assertAll("the dates are columns of the account (V13)",
                () -> assertNotNull(row[0]), () -> assertNotNull(row[1]), () -> assertEquals(null, row[2]));
    }

    @Test
    void removing_a_number_withdraws_its_consents_and_a_new_number_starts_with_none_given() throws Exception {
        Nir nir = activeAccount(BLANCHARD, "bruno.blanchard@example.fr");
        Instant before = Instant.now();
        assertEquals(ContactSettings.Outcome.CHANGED, contactSettings.changePhones(nir, null, PhoneNumber.landline("05 61 12 34 56")));
        Instant after = Instant.now();
        ContactChoices c = contactOf(nir);
        assertAll(
                () -> assertEquals(null, c.mobile()),
                () -> assertEquals(null, c.mobileCalls(), "the calls accepted went with the number"),
                () -> assertEquals(null, c.mobileSms()),
                () -> assertBetween(before, after, c.answeredAt(Consent.MOBILE_CALLS), "withdrawn with the number"),
                () -> assertEquals("0561123456", c.landline()),
                () -> assertEquals(Boolean.FALSE, c.landlineCalls(), "a new number: no call until accepted"),
                () -> assertBetween(before, after, c.answeredAt(Consent.LANDLINE_CALLS), "since the number was added"),
                () -> assertEquals(1, auditCount(AuditEvent.Type.PHONES_CHANGED, BLANCHARD)),
                () -> assertEquals(1, auditCount(AuditEvent.Type.CONSENT_WITHDRAWN, BLANCHARD), "the calls; SMS were not given"));

        assertEquals(ContactSettings.Outcome.UNCHANGED, contactSettings.changePhones(nir, null, PhoneNumber.landline("0561123456")));
        assertEquals(1, auditCount(AuditEvent.Type.PHONES_CHANGED, BLANCHARD), "the same numbers: nothing audited");
        assertEquals(ContactSettings.Outcome.CHANGED, contactSettings.answer(nir, Consent.LANDLINE_CALLS, true));
        assertEquals(ContactSettings.Outcome.CHANGED, contactSettings.changePhones(nir, PhoneNumber.mobile("07 12 34 56 78"),
                PhoneNumber.landline("05 61 99 99 99")));
        ContactChoices changed = contactOf(nir);
        assertAll(
                () -> assertEquals(Boolean.FALSE, changed.mobileCalls(), "a new mobile: nothing given"),
                () -> assertEquals(Boolean.FALSE, changed.mobileSms()),
                () -> assertEquals(Boolean.TRUE, changed.landlineCalls(), "a changed number keeps its consent"),
                () -> assertEquals(2, auditCount(AuditEvent.Type.PHONES_CHANGED, BLANCHARD)));
    }

    @Test
    void a_bad_number_or_an_account_not_active_stores_nothing() throws Exception {
        Nir nir = activeAccount(CARPENTIER, "chloe.carpentier@example.fr");
        for (String typed : List.of("01 23 45 67 89", "06 12", "+44 7700 900123", "0612345678' OR '1'='1", "<b>0612345678</b>")) {
            assertThrows(fr.ameli.compte.domain.shared.InvalidValueException.class, () -> PhoneNumber.mobile(typed), typed);
        }
        assertThrows(Exception.class, () -> contactSettings.changePhones(nir, PhoneNumber.landline("0561123456"), null),
                "a landline where the mobile goes");
        ContactChoices c = contactOf(nir);
        assertEquals("0612345678", c.mobile(), "the number stays");
        assertEquals(Boolean.TRUE, c.mobileCalls(), "and its consents");
        assertEquals(0, auditCount(AuditEvent.Type.PHONES_CHANGED, CARPENTIER));
        registration.register(request(DELMAS, "denis.delmas@example.fr"));
        assertEquals(ContactSettings.Outcome.NO_ACCOUNT, contactSettings.answer(Nir.parse(DELMAS.nir()), Consent.EMAIL_PROMOTIONS, true),
                "a pending account changes nothing before its activation");
        assertEquals(ContactSettings.Outcome.NO_ACCOUNT, contactSettings.changePhones(Nir.parse("1 99 12 75 123 456"), null, null));
    }

    // ---- Espace agent (PRODUCT §2.12)

    /** PRODUCT §2.12, §5: an agent sees the file (never the IBAN nor the Vitale serial) and the lock of an address, lifts it, the person gets in from there. */
    @Test
    void an_agent_sees_the_file_without_bank_details_lifts_a_lock_and_the_person_logs_in_again_from_the_locked_address() throws Exception {
        activeAccount(ETIENNE, "elise.etienne@example.fr");
        Nir nir = Nir.parse(ETIENNE.nir());
        UsernamePasswordCredential wrong = new UsernamePasswordCredential(ETIENNE.nir(), new Password("Mauvais*code_1"));
        UsernamePasswordCredential right = new UsernamePasswordCredential(ETIENNE.nir(), new Password(CODE));
        clientOrigin.setAddress("203.0.113.5");
        for (int i = 0; i < 5; i++) {
            identityStore.checkCodePersonnel(wrong);
        }
        assertEquals(CredentialValidationResult.Status.INVALID, identityStore.checkCodePersonnel(right).getStatus());
        assertEquals(LoginOutcome.Refusal.LOCKED, loginOutcome.refusal(), "the address is locked");
        Instant lockedUntil = loginOutcome.lockedUntil();

        Agent agnes = agent("agent-guichet-etienne");
        clientOrigin.setAddress("198.51.100.200");
        LookUp lookUp = desk.lookUp(agnes, nir, REASON);
        assertEquals(null, lookUp.slowedUntil());
        PersonFile file = lookUp.file().orElseThrow();
        assertEquals(new RegisterEntry("ETIENNE", "Élise", java.time.LocalDate.of(1959, 12, 28), "54938", "Commune"), file.entry());
        assertEquals(AccountState.Status.ACTIVE, file.account().status());
        assertEquals("elise.etienne@example.fr", file.account().email());
        assertNotNull(file.account().since(), "active since its activation");
        assertEquals(1, file.locks().size(), file.locks().toString());
        assertEquals(LockInForce.Place.ADDRESS, file.locks().get(0).place());
        assertEquals("203.0.113.5", file.locks().get(0).detail(), "the address the lock holds for, named");
        assertTrue(Math.abs(java.time.Duration.between(lockedUntil, file.locks().get(0).until()).toMillis()) < 1000, file.locks().toString());
        assertEquals(AuditEvent.Type.AGENT_LOOKED_UP, file.events().get(0).type(), "the newest event first: this look-up");
        assertEquals("agent-guichet-etienne", file.events().get(0).agent());
        assertEquals(REASON.text(), file.events().get(0).reason());
        assertTrue(file.events().stream().anyMatch(e -> e.type() == AuditEvent.Type.LOGIN_LOCKED && "203.0.113.5".equals(e.clientAddress())));
        assertTrue(file.events().size() <= 20);
        assertTrue(file.mails().stream().anyMatch(m -> m.subject().equals("Activez votre compte ameli")), file.mails().toString());
        assertNoBankNorVitale(file, ETIENNE_IBAN, ETIENNE_VITALE);
        assertEquals(List.of(List.of("agent-guichet-etienne", REASON.text())), agentEvents(AuditEvent.Type.AGENT_LOOKED_UP, ETIENNE));

        AgentReason unlock = new AgentReason("assurée bloquée, appel au 36 46");
        ActionResult lifted = desk.liftLocks(agnes, nir, unlock);
        assertEquals(ActionOutcome.DONE, lifted.outcome());
        assertEquals(List.of(), lifted.file().orElseThrow().locks(), "the file after the action");
        assertEquals(AuditEvent.Type.AGENT_LOCKS_LIFTED, lifted.file().orElseThrow().events().get(0).type());
        assertEquals(List.of(List.of("agent-guichet-etienne", unlock.text())), agentEvents(AuditEvent.Type.AGENT_LOCKS_LIFTED, ETIENNE));
        assertEquals(1, agentEvents(AuditEvent.Type.AGENT_LOOKED_UP, ETIENNE).size(), "the action's file is no second look-up");
        String mail = awaitMailContaining("elise.etienne@example.fr", "débloqué");
        assertTrue(mail.contains("un conseiller de votre caisse"), mail);
        assertFalse(mail.contains("http"), "no link: " + mail);

        clientOrigin.setAddress("203.0.113.5");
        assertEquals(CredentialValidationResult.Status.VALID, identityStore.checkCodePersonnel(right).getStatus(),
                "from the address that was locked, the person gets in again");
        assertEquals(ActionOutcome.NOTHING_TO_LIFT, desk.liftLocks(agnes, nir, unlock).outcome());
        assertEquals(1, agentEvents(AuditEvent.Type.AGENT_LOCKS_LIFTED, ETIENNE).size());
        assertEquals(2, agentEvents(AuditEvent.Type.AGENT_LOOKED_UP, ETIENNE).size(), "a refused action still showed the file: a look-up");

        Nir unknown = Nir.parse("1 84 12 76 451 089");
        assertEquals(Optional.empty(), desk.lookUp(agnes, unknown, REASON).file(), "not in the register");
        assertEquals(new ActionResult(ActionOutcome.NOT_IN_REGISTER, Optional.empty()), desk.liftLocks(agnes, unknown, REASON));
    }

    /** PRODUCT §2.12: a new activation mail for a pending account only, under the mails' rule of 3 an hour. */
    @Test
    void an_agent_sends_a_new_activation_mail_to_a_pending_account_only() throws Exception {
        Agent agnes = agent("agent-guichet-gauthier");
        Nir nir = Nir.parse(GAUTHIER.nir());
        assertEquals(ActionOutcome.NO_ACCOUNT, desk.resendActivation(agnes, nir, REASON).outcome());
        registration.register(request(GAUTHIER, "gisele.gauthier@example.fr"));
        String firstLink = tokenFrom(awaitMail("gisele.gauthier@example.fr"));

        ActionResult resent = desk.resendActivation(agnes, nir, REASON);
        assertEquals(ActionOutcome.DONE, resent.outcome());
        assertEquals(AccountState.Status.PENDING, resent.file().orElseThrow().account().status());
        awaitMails("gisele.gauthier@example.fr", 2);
        String newLink = tokenFrom(awaitMail("gisele.gauthier@example.fr"));
        assertNotEquals(firstLink, newLink);
        assertEquals(List.of(List.of("agent-guichet-gauthier", REASON.text())), agentEvents(AuditEvent.Type.AGENT_ACTIVATION_RESENT, GAUTHIER));
        assertEquals(1, auditCount(AuditEvent.Type.ACTIVATION_RESENT, GAUTHIER), "the person's own trail says it too");
        assertEquals(ActionOutcome.DONE, desk.resendActivation(agnes, nir, REASON).outcome());
        assertEquals(ActionOutcome.DONE, desk.resendActivation(agnes, nir, REASON).outcome());
        assertEquals(ActionOutcome.TOO_MANY, desk.resendActivation(agnes, nir, REASON).outcome(), "3 an hour, as for the person");
        assertEquals(3, agentEvents(AuditEvent.Type.AGENT_ACTIVATION_RESENT, GAUTHIER).size());
        assertEquals(ActionOutcome.NOT_ACTIVE, desk.replaceEmail(agnes, nir, new EmailAddress("gisele@example.fr"), true, REASON).outcome());

        awaitMails("gisele.gauthier@example.fr", 4);
        assertEquals(ActivationOutcome.ACTIVATED, activation.activate(tokenFrom(awaitMail("gisele.gauthier@example.fr"))));
        assertEquals(ActionOutcome.NOT_PENDING, desk.resendActivation(agnes, nir, REASON).outcome());
    }

    /** PRODUCT §2.3, §2.12: a provisional-code letter for a person without an account, one a day. Runs after the letter test, which counts the letters printed. */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void an_agent_sends_a_provisional_code_letter_under_the_post_rules() throws Exception {
        Agent agnes = agent("agent-guichet-hamon");
        Nir nir = Nir.parse(HAMON.nir());
        ActionResult sent = desk.sendProvisionalCode(agnes, nir, REASON);
        assertEquals(ActionOutcome.DONE, sent.outcome());
        LetterLine letter = sent.file().orElseThrow().letters().get(0);
        assertEquals("41178", letter.postalCode());
        assertEquals(java.time.Duration.ofDays(15), java.time.Duration.between(letter.at(), letter.expiresAt()));
        assertEquals(List.of(List.of("agent-guichet-hamon", REASON.text())), agentEvents(AuditEvent.Type.AGENT_PROVISIONAL_CODE_SENT, HAMON));
        assertEquals(1, auditCount(AuditEvent.Type.PROVISIONAL_CODE_SENT, HAMON));
        assertEquals(ActionOutcome.LETTER_ALREADY_SENT, desk.sendProvisionalCode(agnes, nir, REASON).outcome(), "one letter a day");
        assertEquals(1, auditCount(AuditEvent.Type.PROVISIONAL_CODE_SENT, HAMON));
        registration.register(request(HAMON, "hugo.hamon@example.fr"));
        assertEquals(ActionOutcome.HAS_ACCOUNT, desk.sendProvisionalCode(agnes, nir, REASON).outcome(),
                "a provisional code only serves to create an account");
        assertEquals(1, agentEvents(AuditEvent.Type.AGENT_PROVISIONAL_CODE_SENT, HAMON).size());
    }

    /** PRODUCT §2.12: after the identity document was checked, the new address gets the link, the old one is told once it is confirmed. */
    @Test
    void an_agent_replaces_the_email_after_checking_the_identity_and_both_addresses_are_told() throws Exception {
        activeAccount(MARCHAND, "maelle.marchand@example.fr");
        Agent agnes = agent("agent-guichet-marchand");
        Nir nir = Nir.parse(MARCHAND.nir());
        EmailAddress newEmail = new EmailAddress("maelle.nouvelle@example.fr");
        assertEquals(ActionOutcome.IDENTITY_NOT_CHECKED, desk.replaceEmail(agnes, nir, newEmail, false, REASON).outcome());
        assertEquals(ActionOutcome.SAME_ADDRESS,
                desk.replaceEmail(agnes, nir, new EmailAddress("Maelle.Marchand@example.fr"), true, REASON).outcome());
        assertEquals(0, mailRowsTo("maelle.nouvelle@example.fr"), "nothing sent");
        assertEquals(List.of(), agentEvents(AuditEvent.Type.AGENT_EMAIL_REPLACED, MARCHAND));

        assertEquals(ActionOutcome.DONE, desk.replaceEmail(agnes, nir, newEmail, true, REASON).outcome());
        assertEquals(List.of(List.of("agent-guichet-marchand", REASON.text())), agentEvents(AuditEvent.Type.AGENT_EMAIL_REPLACED, MARCHAND));
        String toConfirm = awaitMail("maelle.nouvelle@example.fr");
        assertTrue(toConfirm.replace("\r\n", " ").contains("un conseiller de votre caisse d'Assurance Maladie a indiqué cette adresse"), toConfirm);
        assertEquals("maelle.marchand@example.fr", emailOf(MARCHAND), "not before it is confirmed");
        assertEquals(EmailChange.Outcome.CONFIRMED, emailChange.confirm(emailLinkSentTo("maelle.nouvelle@example.fr", 1)));
        assertEquals("maelle.nouvelle@example.fr", emailOf(MARCHAND));
        String notice = awaitMailContaining("maelle.marchand@example.fr", "a été modifiée");
        assertTrue(notice.contains("m•••@example.fr") || notice.contains("•••"), notice);
    }

    /** PRODUCT §2.12, §5: an agent cannot close an account, load a register nor read the journal; a superviseur closes, the person is told. */
    @Test
    void only_a_superviseur_closes_an_account_and_an_agent_s_attempt_changes_nothing() throws Exception {
        activeAccount(NOEL, "nadia.noel@example.fr");
        Nir nir = Nir.parse(NOEL.nir());
        Agent agnes = agent("agent-guichet-noel");
        assertThrows(ActionNotAllowed.class, () -> desk.closeAccount(agnes, nir, REASON));
        assertThrows(ActionNotAllowed.class, () -> desk.loadRegister(agnes, "registre.csv", new java.io.StringReader(
                "nir;nom;prenom;date_naissance;code_postal;commune;adresse;iban;serie_vitale\n"), REASON));
        assertThrows(ActionNotAllowed.class, () -> desk.journal(agnes, Optional.empty(), Optional.empty(), 0));
        assertThrows(ActionNotAllowed.class, () -> desk.endSessions(agnes, "agent-guichet-autre", REASON));
        assertTrue(accounts.findByNir(nir).isPresent(), "the account is still there");
        // The attempts themselves are audited (PRODUCT §2.12): four refusals, naming the action, and nothing else.
        @SuppressWarnings("unchecked")
        List<Object[]> recorded = em.createNativeQuery("select event, reason from audit_event where agent = ?1 order by id")
                .setParameter(1, "agent-guichet-noel").getResultList();
        assertEquals(List.of("AGENT_ACTION_REFUSED: action refusée à ce rôle : CLOSE_ACCOUNT",
                        "AGENT_ACTION_REFUSED: action refusée à ce rôle : LOAD_REGISTER",
                        "AGENT_ACTION_REFUSED: action refusée à ce rôle : READ_JOURNAL",
                        "AGENT_ACTION_REFUSED: action refusée à ce rôle : END_SESSIONS"),
                recorded.stream().map(r -> r[0].toString().strip() + ": " + r[1]).toList());

        Agent sylvie = superviseur("superviseur-noel");
        AgentReason why = new AgentReason("demande écrite de l'assurée, courrier du 2 décembre");
        ActionResult closed = desk.closeAccount(sylvie, nir, why);
        assertEquals(ActionOutcome.DONE, closed.outcome());
        assertEquals(AccountState.Status.NONE, closed.file().orElseThrow().account().status());
        assertTrue(accounts.findByNir(nir).isEmpty(), "the account is gone");
        assertEquals(List.of(List.of("superviseur-noel", why.text())), agentEvents(AuditEvent.Type.AGENT_ACCOUNT_CLOSED, NOEL));
        String mail = awaitMailContaining("nadia.noel@example.fr", "clôturé");
        assertTrue(mail.replace("\r\n", " ").contains("par un conseiller de votre caisse d'Assurance Maladie"), mail);
        assertFalse(mail.contains("à votre demande, depuis votre"), mail);
        assertEquals(ActionOutcome.NO_ACCOUNT, desk.closeAccount(sylvie, nir, why).outcome());
    }

    /** PRODUCT §2.12, §4: a superviseur's upload is loaded as at start-up, a bad row reported with its line; the journal lists the agents' events. */
    @Test
    void a_superviseur_loads_a_register_extract_with_its_bad_row_reported_and_reads_the_journal() {
        Agent sylvie = superviseur("superviseur-registre");
        String csv = "nir;nom;prenom;date_naissance;code_postal;commune;adresse;iban;serie_vitale\n"
                + "145035134256148;OLIVIER;Oscar;24/03/1945;51267;Commune;15 rue des Tests;FR7650687154518047621970251;3244845263097658280258\n"
                + "155016768490434;PERRIN;Pauline;04/01/1955;67721;Sélestat;16 rue des Tests;FR7694332102615086062922007;1543829932157116494157\n"
                + "155016768490434;une ligne;sans;ses colonnes\n"
                + "166025935008887;QUERE;Yann;12/02/1966;59350;Lille;3 rue Neuve;FR4030004000015935008800012;8250123412341234\n";
        RegisterLoad load = desk.loadRegister(sylvie, "extrait-decembre.csv", new java.io.StringReader(csv),
                new AgentReason("extrait mensuel de la caisse"));
        assertEquals("extrait-decembre.csv", load.source());
        assertEquals(1, load.created(), "QUERE is new");
        assertEquals(1, load.updated(), "PERRIN's commune changed");
        assertEquals(1, load.unchanged(), "OLIVIER as he was: the load is idempotent");
        assertEquals(1, load.rejected().size());
        assertEquals(4, load.rejected().get(0).lineNumber());
        // Each person the upload adds or changes is audited, naming the agent and what changed (never a value).
        List<AuditEvent> added = em.createQuery("select e from AuditEvent e where e.agent = 'superviseur-registre' and e.event = :type",
                AuditEvent.class).setParameter("type", AuditEvent.Type.AGENT_REGISTER_PERSON_ADDED).getResultList();
        assertEquals(1, added.size());
        assertEquals(pseudonyms.of(Nir.parse("166025935008887")), added.get(0).nirHash());
        assertEquals("Fichier « extrait-decembre.csv » : ajout", added.get(0).reason());
        List<AuditEvent> changed = em.createQuery("select e from AuditEvent e where e.agent = 'superviseur-registre' and e.event = :type",
                AuditEvent.class).setParameter("type", AuditEvent.Type.AGENT_REGISTER_PERSON_CHANGED).getResultList();
        assertEquals(1, changed.size());
        assertEquals(pseudonyms.of(Nir.parse("155016768490434")), changed.get(0).nirHash());
        assertEquals("Fichier « extrait-decembre.csv » : modifié : commune", changed.get(0).reason());
        assertFalse(load.rejected().get(0).reason().isBlank());
        assertEquals("Sélestat", desk.lookUp(agent("agent-registre"), Nir.parse("155016768490434"), REASON).file().orElseThrow().entry().commune());
        assertEquals(1, eventsOfAgent("superviseur-registre", AuditEvent.Type.AGENT_REGISTER_LOADED));

        List<JournalLine> mine = desk.journal(sylvie, Optional.of("superviseur-registre"),
                Optional.of(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"))), 0).lines();
        assertEquals(3, mine.size(), mine.toString());
        JournalLine loaded = mine.stream().filter(l -> l.type() == AuditEvent.Type.AGENT_REGISTER_LOADED).findFirst().orElseThrow();
        assertEquals(null, loaded.nirPseudonym());
        assertTrue(loaded.reason().startsWith("extrait mensuel de la caisse") && loaded.reason().contains("extrait-decembre.csv"),
                loaded.reason());
        List<JournalLine> lookUps = desk.journal(sylvie, Optional.of(" agent-registre "), Optional.empty(), 0).lines();
        assertEquals(1, lookUps.size());
        assertEquals(pseudonyms.of(Nir.parse("155016768490434")).substring(0, 12), lookUps.get(0).nirPseudonym());
        List<JournalLine> all = desk.journal(sylvie, Optional.empty(), Optional.empty(), 0).lines();
        assertTrue(all.size() >= 2 && all.stream().allMatch(l -> l.agent() != null), "every agent's events, and only theirs");
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).at().isAfter(all.get(i - 1).at()), "newest first");
        }
        assertEquals(List.of(), desk.journal(sylvie, Optional.of("superviseur-registre"),
                Optional.of(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).minusDays(1)), 0).lines(), "another day");
    }

    /** PRODUCT §2.12: past the agent's look-ups of the hour (3 here), one a minute; the burst is audited once. */
    @Test
    void a_burst_of_look_ups_is_slowed_to_one_a_minute_and_audited_once() {
        Agent rafale = agent("agent-rafale");
        Nir nir = Nir.parse(OLIVIER.nir());
        for (int i = 1; i <= 3; i++) {
            assertTrue(desk.lookUp(rafale, nir, REASON).file().isPresent(), "look-up " + i + " of the hour");
        }
        assertEquals(0, eventsOfAgent("agent-rafale", AuditEvent.Type.AGENT_LOOKUPS_SLOWED));
        assertTrue(desk.lookUp(rafale, nir, REASON).file().isPresent(), "past the limit, one a minute goes through");
        assertEquals(1, eventsOfAgent("agent-rafale", AuditEvent.Type.AGENT_LOOKUPS_SLOWED), "the burst is audited");
        Instant before = Instant.now();
        LookUp slowed = desk.lookUp(rafale, nir, REASON);
        assertEquals(Optional.empty(), slowed.file(), "the next one waits");
        assertNotNull(slowed.slowedUntil());
        long seconds = java.time.Duration.between(before, slowed.slowedUntil()).toSeconds();
        assertTrue(seconds >= 0 && seconds <= 60, "within a minute: " + slowed.slowedUntil());
        assertEquals(Optional.empty(), desk.lookUp(rafale, nir, REASON).file());
        assertEquals(1, eventsOfAgent("agent-rafale", AuditEvent.Type.AGENT_LOOKUPS_SLOWED), "once per burst");
        assertEquals(4, eventsOfAgent("agent-rafale", AuditEvent.Type.AGENT_LOOKED_UP), "only the answered look-ups");
        assertTrue(desk.lookUp(agent("agent-voisine"), nir, REASON).file().isPresent(), "counted per agent");
    }

    /**
     * PRODUCT §2.12: an agent's session lasts its absolute lifetime at most, however busy, and a
     * superviseur ends every session of an agent (a lost badge) — each checked on every request.
     */
    @Test
    void an_agent_s_session_ends_at_its_lifetime_or_when_a_superviseur_ends_the_agent_s_sessions() throws Exception {
        Agent claire = agent("agent-sessions-claire");
        String first = agentSessions.opened(claire);
        String second = agentSessions.opened(claire);
        String other = agentSessions.opened(agent("agent-sessions-autre"));
        assertTrue(agentSessions.stillOpen(first) && agentSessions.stillOpen(second) && agentSessions.stillOpen(other));
        Agent sylvie = superviseur("superviseur-sessions");
        assertTrue(desk.endSessions(sylvie, " agent-sessions-claire ", new AgentReason("badge perdu, signalé par l'agent")));
        assertFalse(agentSessions.stillOpen(first), "ended");
        assertFalse(agentSessions.stillOpen(second), "ended too");
        assertTrue(agentSessions.stillOpen(other), "another agent's stays");
        assertFalse(desk.endSessions(sylvie, "agent-sessions-claire", new AgentReason("pour vérifier")), "none left open");
        assertEquals(List.of(List.of("superviseur-sessions", "badge perdu, signalé par l'agent (agent « agent-sessions-claire »)"),
                List.of("superviseur-sessions", "pour vérifier (agent « agent-sessions-claire »)")), em.createQuery(
                        "select e.agent, e.reason from AuditEvent e where e.event = :type and e.agent = 'superviseur-sessions' order by e.id", Object[].class)
                .setParameter("type", AuditEvent.Type.AGENT_SESSIONS_ENDED).getResultList().stream().map(List::of).toList());
        Thread.sleep(3_200);
        assertFalse(agentSessions.stillOpen(other), "past its 3 seconds, however used");
    }

    /** The « Journal des actions » comes by pages of 50, and each reading is itself in it (PRODUCT §2.12). */
    @Test
    void the_journal_comes_by_pages_and_each_reading_is_audited() throws Exception {
        Agent busy = agent("agent-journal-pages");
        transaction.begin();
        for (int i = 0; i < 55; i++) {
            audit.recordForAgent(AuditEvent.Type.AGENT_LOOKED_UP, Nir.parse(TOTO.nir()), busy, new AgentReason("recherche numéro " + i));
        }
        transaction.commit();
        Agent sylvie = superviseur("superviseur-journal");
        Supervision.JournalPage first = desk.journal(sylvie, Optional.of("agent-journal-pages"), Optional.empty(), 0);
        assertEquals(50, first.lines().size());
        assertTrue(first.more());
        assertEquals("recherche numéro 54", first.lines().get(0).reason(), "newest first");
        Supervision.JournalPage second = desk.journal(sylvie, Optional.of("agent-journal-pages"), Optional.empty(), 1);
        assertEquals(5, second.lines().size());
        assertFalse(second.more());
        assertEquals("recherche numéro 0", second.lines().get(4).reason());
        assertEquals(List.of("consultation du journal, page 1, agent « agent-journal-pages »",
                        "consultation du journal, page 2, agent « agent-journal-pages »"),
                em.createQuery("select e.reason from AuditEvent e where e.event = :type and e.agent = 'superviseur-journal' order by e.id", String.class)
                        .setParameter("type", AuditEvent.Type.AGENT_JOURNAL_READ).getResultList());
    }

    // ---- Mail, backups, forwarded requests and outages (README « Mail », « Backups », « Behind a load balancer »)

    @Test
    void a_mail_is_claimed_by_one_delivery_only() throws Exception {
        transaction.begin();
        outbox.enqueue(new MailMessage("claims@example.fr", "Test", "Bonjour", null), null);
        Long id = ((Number) em.createNativeQuery("select max(id) from outbound_mail where recipient = 'claims@example.fr'")
                .getSingleResult()).longValue();
        // Claimed here first, before the commit lets the after-commit delivery try.
        List<java.util.concurrent.Callable<Boolean>> claims = new java.util.ArrayList<>();
        transaction.commit();
        for (int i = 0; i < 10; i++) {
            claims.add(() -> outboxStore.claim(id).isPresent());
        }
        long won = 0;
        for (java.util.concurrent.Future<Boolean> f : executor.invokeAll(claims)) {
            won += f.get() ? 1 : 0;
        }
        assertTrue(won <= 1, won + " deliveries claimed the same mail");
        if (won == 1) {
            // The test holds the claim and sends nothing: the after-commit delivery must not have sent it either.
            Thread.sleep(1500);
            assertEquals(null, em.createNativeQuery("select sent_at from outbound_mail where id = ?1").setParameter(1, id).getSingleResult());
        } else {
            awaitMail("claims@example.fr");
        }
    }

    @Test
    void an_online_backup_restores_into_a_fresh_data_dir_with_exactly_the_accounts_of_its_time_and_the_last_ones_are_kept() throws Exception {
        Nir fabre = activeAccount(FABRE, "fabre@example.fr");
        Nir xavier = activeAccount(XAVIER, "xavier@example.fr");
        String product;
        try (java.sql.Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        if (!"Apache Derby".equals(product)) {
            assertEquals(Optional.empty(), backups.backUpNow(), "on " + product + " the service takes no backup: pg_dump does");
            return;
        }
        Set<String> atBackup = activeNirs(dataSource.getConnection());
        Path backup = backups.backUpNow().orElseThrow();
        Nir zimmer = activeAccount(ZIMMER, "zimmer@example.fr");
        assertTrue(activeNirs(dataSource.getConnection()).contains(zimmer.fullForm()), "the service goes on after its backup");
        assertEquals(config.backupDir().orElseThrow(), backup.getParent());
        assertTrue(backup.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}Z"), backup.toString());

        // The README's restore step, into a fresh data dir: restoreFrom=<backup>/derby.
        Path freshDataDir = Files.createDirectories(config.dataDir().resolveSibling("services-restauration"));
        String restored = "jdbc:derby:" + freshDataDir.resolve("derby");
        Set<String> found;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(restored + ";restoreFrom=" + backup.resolve("derby"), "ameli", "ameli")) {
            found = activeNirs(c);
        } finally {
            try {
                java.sql.DriverManager.getConnection(restored + ";shutdown=true");
            } catch (java.sql.SQLException expected) {
                assertEquals("08006", expected.getSQLState(), "Derby says it shut the restored database down");
            }
        }
        assertTrue(found.containsAll(Set.of(fabre.fullForm(), xavier.fullForm())), found.toString());
        assertFalse(found.contains(zimmer.fullForm()), "an account made after the backup is not in it");
        assertEquals(atBackup, found, "exactly the accounts of the backup's time");

        // ameli.backup.keep=2: two more, and the first one is gone.
        Path second = backups.backUpNow().orElseThrow();
        Path third = backups.backUpNow().orElseThrow();
        try (Stream<Path> kept = Files.list(config.backupDir().orElseThrow())) {
            assertEquals(Set.of(second, third), kept.collect(java.util.stream.Collectors.toSet()));
        }
    }

    /**
     * No proxy is trusted here (no ameli.trusted-proxies): a client that says it came over HTTPS, or from
     * another address, through X-Forwarded-* or Forwarded, is not believed — no HSTS, no Secure cookie.
     */
    @Test
    void forwarded_headers_from_a_peer_that_is_not_a_trusted_proxy_are_ignored(@ArquillianResource URL base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("", "creation/identite.xhtml")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "198.51.100.9")
                    .header("Forwarded", "for=198.51.100.9;proto=https").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(Optional.empty(), response.headers().firstValue("Strict-Transport-Security"), path);
            List<String> cookies = response.headers().allValues("Set-Cookie");
            assertFalse(cookies.isEmpty(), path);
            assertTrue(cookies.stream().noneMatch(c -> c.toLowerCase(java.util.Locale.ROOT).contains("; secure")), cookies.toString());
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void with_the_database_down_a_page_says_to_retry_later_with_a_503_and_the_service_recovers(@ArquillianResource URL base) throws Exception {
        String product;
        String url;
        try (java.sql.Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
            url = c.getMetaData().getURL();
        }
        DatabaseOutage outage = "PostgreSQL".equals(product) ? postgresqlOutage(url) : derbyOutage();
        outage.begin();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest activation = HttpRequest.newBuilder(URI.create(base + "activation.xhtml?jeton=" + "A".repeat(43))).build();
        try {
            HttpResponse<String> down = http.send(activation, HttpResponse.BodyHandlers.ofString());
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("Merci de réessayer dans quelques minutes."), down.body());
            assertTrue(down.headers().firstValue("Retry-After").isPresent());
            assertFalse(down.body().contains("Exception"), "no stack trace");
            assertTrue(down.body().matches("(?s).*<strong id=\"incident\">[0-9a-f]{8}</strong>.*"),
                    "an incident number, the one of the log line: " + down.body());
        } finally {
            outage.end();
        }
        int status = 0;
        for (int i = 0; i < 10 && status != 200; i++) {
            status = http.send(activation, HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        assertEquals(200, status, "once the database is back, the pool gives working connections again");
    }

    // ---- Passkeys (PRODUCT §2.11 « Mes clés d'accès », §2.1)

    @Test
    void a_passkey_added_is_mailed_and_audited_logs_in_alone_and_an_agent_s_removal_is_mailed_and_audited() throws Exception {
        Nir nir = activeAccount(QUINTIN, "quitterie@example.fr");
        fr.ameli.compte.infrastructure.webauthn.TestAuthenticator phone = new fr.ameli.compte.infrastructure.webauthn.TestAuthenticator("localhost", ORIGIN);
        byte[] challenge = fr.ameli.compte.application.security.PasskeyOptions.newChallenge();
        String options = passkeyManagement.creationOptions(nir, challenge).orElseThrow();
        assertTrue(options.contains("\"displayName\":\"Quitterie QUINTIN\"") && options.contains("\"residentKey\":\"required\"")
                && options.contains("\"userVerification\":\"required\"") && options.contains("\"attestation\":\"none\""), options);
        assertFalse(options.contains(QUINTIN.nir()) || options.contains("quitterie@example.fr"), "never the NIR nor the email: " + options);
        assertEquals(fr.ameli.compte.application.espace.PasskeyManagement.Added.ADDED, passkeyManagement.add(nir, phone.register(challenge), challenge));
        String added = awaitMailContaining("quitterie@example.fr", "une clé d'accès a été créée");
        assertFalse(added.contains("http"), "no link: " + added);
        assertEquals(1, auditCount(AuditEvent.Type.PASSKEY_ADDED, QUINTIN));
        assertEquals(1, passkeyManagement.list(nir).size());

        em.getEntityManagerFactory().getCache().evictAll();
        String handle = accounts.findByNir(nir).orElseThrow().userHandle().orElseThrow();
        byte[] login = fr.ameli.compte.application.security.PasskeyOptions.newChallenge();
        assertEquals(Optional.of(nir), passkeyLogin.logIn(phone.assert_(login, handle), login), "the passkey alone logs in");

        ActionResult removed = desk.removePasskeys(agent("agent-cles-quintin"), nir, REASON);
        assertEquals(ActionOutcome.DONE, removed.outcome());
        assertEquals(0, removed.file().orElseThrow().passkeys());
        assertTrue(awaitMailContaining("quitterie@example.fr", "toutes les clés d'accès").contains("par un conseiller"));
        assertEquals(List.of(List.of("agent-cles-quintin", REASON.text())), agentEvents(AuditEvent.Type.AGENT_PASSKEYS_REMOVED, QUINTIN));
        byte[] after = fr.ameli.compte.application.security.PasskeyOptions.newChallenge();
        assertEquals(Optional.empty(), passkeyLogin.logIn(phone.assert_(after, handle), after), "a removed passkey no longer works");
        assertEquals(ActionOutcome.NO_PASSKEY, desk.removePasskeys(agent("agent-cles-quintin"), nir, REASON).outcome());
    }

    @Test
    void closing_the_account_deletes_its_passkeys() throws Exception {
        Nir nir = activeAccount(RIVIERE, "raoul@example.fr");
        byte[] challenge = fr.ameli.compte.application.security.PasskeyOptions.newChallenge();
        passkeyManagement.creationOptions(nir, challenge).orElseThrow();
        fr.ameli.compte.infrastructure.webauthn.TestAuthenticator key = new fr.ameli.compte.infrastructure.webauthn.TestAuthenticator("localhost", ORIGIN);
        assertEquals(fr.ameli.compte.application.espace.PasskeyManagement.Added.ADDED, passkeyManagement.add(nir, key.register(challenge), challenge));
        long accountId = accounts.findByNir(nir).orElseThrow().id();
        assertEquals(1, passkeyRows(accountId));
        assertEquals(AccountClosure.Outcome.CLOSED, closure.close(nir, CODE).outcome());
        assertEquals(0, passkeyRows(accountId), "the rows go with the account");
    }
}
