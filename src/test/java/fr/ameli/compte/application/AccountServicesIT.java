package fr.ameli.compte.application;

import fr.ameli.compte.TestDeployments;
import fr.ameli.compte.domain.Account;
import fr.ameli.compte.domain.AccountRepository;
import fr.ameli.compte.domain.AccountStatus;
import fr.ameli.compte.domain.BirthDate;
import fr.ameli.compte.domain.ContactChoices;
import fr.ameli.compte.domain.EmailAddress;
import fr.ameli.compte.domain.IbanTail;
import fr.ameli.compte.domain.Nir;
import fr.ameli.compte.domain.PersonName;
import fr.ameli.compte.domain.PhoneNumber;
import fr.ameli.compte.domain.PostalCode;
import fr.ameli.compte.domain.VitaleSerialTail;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account services in Payara Micro against Derby: registration (hashed code, hashed token,
 * the activation mail written in the same transaction and delivered after it as an .eml file),
 * activation once and not twice, login of active accounts only, one account per NIR, and the
 * expiry timer with a validity of a few seconds.
 */
@ExtendWith(ArquillianExtension.class)
class AccountServicesIT {

    private static final String CODE = "Robert*123_A";
    private static final Pattern LINK = Pattern.compile("^(http://localhost:8080/activation\\.xhtml\\?jeton=([A-Za-z0-9_-]{43}))$", Pattern.MULTILINE);

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.war("services", Map.of(
                "ameli.activation.validity", "PT4S",
                "ameli.activation.sweep-interval", "PT1S",
                "ameli.code.hash-iterations", "1024",
                "ameli.mail.mode", "file"));
    }

    @Inject
    Registration registration;
    @Inject
    Activation activation;
    @Inject
    IdentityVerification identityVerification;
    @Inject
    AccountRepository accounts;
    @Inject
    AccountIdentityStore identityStore;
    @Inject
    ServiceSettings settings;
    @Inject
    AmeliConfig config;
    @PersistenceContext(unitName = "ameli")
    EntityManager em;

    // Persons of the demo register (src/main/resources/registre/registre-demo.csv)
    private static final Person TOTO = new Person("2 28 12 31 815 001", "toto", "03/12/1928", "31470", "3910173", "01647314244");
    private static final Person LEFEVRE = new Person("246077511503904", "Lefevre", "14/07/1946", "75015", "1910138", "88916681774");
    private static final Person MARTIN = new Person("151056912307650", "martin dubois", "02/05/1951", "69003", "7358436", "93835586331");
    private static final Person NDIAYE = new Person("285099306611305", "N’Diaye", "21/09/1985", "93200", "2609603", "76828107546");
    private static final Person ROUSSEAU = new Person("278084410926123", "Rousseau", "08/08/1978", "44000", "2739226", "68906152120");
    private static final Person LEGOFF = new Person("162112901915047", "LE GOFF", "30/11/1962", "29200", "0558774", "61722217863");

    record Person(String nir, String name, String birthDate, String postalCode, String iban, String vitale) {
        IdentityClaim claim() {
            return new IdentityClaim(Nir.parse(nir), new PersonName(name), BirthDate.parse(birthDate, Clock.systemUTC()),
                    new PostalCode(postalCode));
        }

        IdentityProof proof() {
            return new IdentityProof(new IbanTail(iban), new VitaleSerialTail(vitale));
        }
    }

    private AccountRequest request(Person p, String email) {
        ContactChoices contact = new ContactChoices(new EmailAddress(email), false,
                PhoneNumber.mobile("06 12 34 56 78"), true, false, null, null);
        return new AccountRequest(p.claim(), p.proof(), Instant.now(), CODE, CODE, contact, new EmailAddress(email));
    }

    @Test
    void identification_needs_the_register_data_and_says_nothing_about_which_field_was_wrong() {
        assertEquals(IdentityCheck.IDENTIFIED, identityVerification.identify(TOTO.claim()));
        Person wrongPostalCode = new Person(TOTO.nir(), "TOTO", "03/12/1928", "31000", "", "");
        Person unknownNir = new Person("1 84 12 76 451 089", "TOTO", "03/12/1928", "31470", "", "");
        assertEquals(IdentityCheck.NOT_IDENTIFIED, identityVerification.identify(wrongPostalCode.claim()));
        assertEquals(IdentityCheck.NOT_IDENTIFIED, identityVerification.identify(unknownNir.claim()));
        assertTrue(identityVerification.prove(TOTO.claim(), TOTO.proof()));
        assertFalse(identityVerification.prove(TOTO.claim(), new IdentityProof(new IbanTail("3910174"), new VitaleSerialTail("01647314244"))));
        assertFalse(identityVerification.prove(TOTO.claim(), new IdentityProof(new IbanTail("3910173"), new VitaleSerialTail("01647314245"))));
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
        assertEquals(CredentialValidationResult.Status.INVALID, identityStore.validate(login).getStatus(), "pending: no login");
        assertTrue(identityStore.isPendingWithCorrectCode(MARTIN.nir(), CODE));
        assertFalse(identityStore.isPendingWithCorrectCode(MARTIN.nir(), "Autre*code_1"));

        String token = tokenFrom(awaitMail("jp.martin@example.fr"));
        assertEquals(ActivationOutcome.ACTIVATED, activation.activate(token));
        assertEquals(ActivationOutcome.ALREADY_USED, activation.activate(token));
        assertEquals(ActivationOutcome.UNKNOWN, activation.activate(token.substring(1) + "x"));
        assertEquals(ActivationOutcome.UNKNOWN, activation.activate("<script>"));
        assertEquals(AccountStatus.ACTIVE, accounts.findByNir(Nir.parse(MARTIN.nir())).orElseThrow().status());

        CredentialValidationResult ok = identityStore.validate(login);
        assertEquals(CredentialValidationResult.Status.VALID, ok.getStatus());
        assertEquals("1510569123076", ok.getCallerPrincipal().getName());
        assertEquals(CredentialValidationResult.Status.INVALID,
                identityStore.validate(new UsernamePasswordCredential(MARTIN.nir(), new Password("Robert*123_B"))).getStatus());
        assertEquals(IdentityCheck.ACCOUNT_ACTIVE, identityVerification.identify(MARTIN.claim()),
                "the owner of an active account is told so at step 1");
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
                new AccountRequest(TOTO.claim(), new IdentityProof(new IbanTail("0000000"), new VitaleSerialTail("01647314244")),
                        Instant.now(), CODE, CODE, request(TOTO, "t@example.fr").contact(), new EmailAddress("t@example.fr")))).reason());
        assertEquals(RegistrationRefused.Reason.CODE_REJECTED, assertThrows(RegistrationRefused.class, () -> registration.register(
                new AccountRequest(TOTO.claim(), TOTO.proof(), Instant.now(), "Toto*1928x", "Toto*1928x",
                        request(TOTO, "t@example.fr").contact(), new EmailAddress("t@example.fr")))).reason());
        assertEquals(RegistrationRefused.Reason.TERMS_NOT_ACCEPTED, assertThrows(RegistrationRefused.class, () -> registration.register(
                new AccountRequest(TOTO.claim(), TOTO.proof(), null, CODE, CODE,
                        request(TOTO, "t@example.fr").contact(), new EmailAddress("t@example.fr")))).reason());
        assertEquals(RegistrationRefused.Reason.EMAIL_NOT_CONFIRMED, assertThrows(RegistrationRefused.class, () -> registration.register(
                new AccountRequest(TOTO.claim(), TOTO.proof(), Instant.now(), CODE, CODE,
                        request(TOTO, "t@example.fr").contact(), new EmailAddress("x@example.fr")))).reason());
        assertTrue(accounts.findByNir(Nir.parse(TOTO.nir())).isEmpty(), "nothing half-created");
    }

    @Test
    void the_timer_removes_pending_accounts_after_the_validity_and_leaves_active_ones() throws Exception {
        registration.register(request(LEGOFF, "yann@example.fr"));
        Account pending = accounts.findByNir(Nir.parse(LEGOFF.nir())).orElseThrow();
        registration.register(request(ROUSSEAU, "elodie@example.fr"));
        assertEquals(ActivationOutcome.ACTIVATED, activation.activate(tokenFrom(awaitMail("elodie@example.fr"))));

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
        assertEquals(IdentityCheck.IDENTIFIED, identityVerification.identify(LEGOFF.claim()), "the person can start again");
    }

    private static String tokenFrom(String mailText) {
        Matcher m = LINK.matcher(mailText.replace("\r\n", "\n"));
        assertTrue(m.find(), mailText);
        return m.group(2);
    }

    /** The .eml file of the file mail mode, for that recipient (delivered asynchronously after commit). */
    private String awaitMail(String recipient) throws Exception {
        Path mails = config.dataDir().resolve("mails");
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.isDirectory(mails)) {
                try (Stream<Path> files = Files.list(mails)) {
                    Optional<String> found = files.filter(f -> f.toString().endsWith(".eml"))
                            .map(AccountServicesIT::readQuietly)
                            .filter(content -> content.contains("To: " + recipient))
                            .findFirst();
                    if (found.isPresent()) {
                        return textPart(found.get());
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + recipient + " in " + mails);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "";
        }
    }

    private static String textPart(String eml) throws Exception {
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(eml.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        Object content = message.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            return (String) multipart.getBodyPart(0).getContent();
        }
        return (String) content;
    }

    private void awaitBodyCleared(long accountId) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            Object[] row = (Object[]) em.createNativeQuery("select sent_at, body_text from outbound_mail where account_id = ?1")
                    .setParameter(1, accountId).getSingleResult();
            if (row[0] != null) {
                assertEquals(null, row[1], "the sent mail's body (with its secret link) is cleared");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("mail of account " + accountId + " not marked sent");
    }
}
