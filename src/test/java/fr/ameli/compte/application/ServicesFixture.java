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
 * What {@link AccountServicesIT} works with, apart from its tests: the services it calls (injected in
 * the server), the persons of the test registers (each used by one test: an account, once made,
 * stays), and the helpers that read the mails the file mode writes, their links and the audit trail.
 * Deployed with the test ({@code AccountServicesIT.deployment}).
 */
abstract class ServicesFixture {


    static final String CODE = "Robert*123_A";
    static final Pattern LINK = Pattern.compile("^(http://localhost:8080/activation\\.xhtml\\?jeton=([A-Za-z0-9_-]{43}))$", Pattern.MULTILINE);

    @Inject
    Registration registration;
    @Inject
    Activation activation;
    @Inject
    IdentityVerification identityVerification;
    @Inject
    AccountRepository accounts;
    @Inject
    ActivationTokenRepository activationTokenRepository;
    @Inject
    AccountIdentityStore identityStore;
    @Inject
    ServiceSettings settings;
    @Inject
    AmeliConfig config;
    @Inject
    LoginOutcome loginOutcome;
    @Inject
    Throttling throttling;
    @Inject
    LoginLocks loginLocks;
    @Inject
    Pseudonyms pseudonyms;
    @Inject
    ClientOrigin clientOrigin;
    @Inject
    fr.ameli.compte.infrastructure.mail.OutboxStore outboxStore;
    @Inject
    MailOutbox outbox;
    @Inject
    ContactSettings contactSettings;
    @Inject
    AccountQueries queries;
    @Resource
    UserTransaction transaction;
    @Resource(lookup = fr.ameli.compte.infrastructure.persistence.DatabaseMigrations.DATA_SOURCE)
    javax.sql.DataSource dataSource;
    @Resource
    ManagedExecutorService executor;
    @PersistenceContext(unitName = "ameli")
    EntityManager em;

    // Persons of the demo register (src/main/resources/registre/registre-demo.csv)
    static final Person TOTO = new Person("2 28 12 31 815 001", "toto", "03/12/1928", "31470", "3910173", "01647314244");
    static final Person LEFEVRE = new Person("246077511503904", "Lefevre", "14/07/1946", "75015", "1910138", "88916681774");
    static final Person MARTIN = new Person("151056912307650", "martin dubois", "02/05/1951", "69003", "7358436", "93835586331");
    static final Person NDIAYE = new Person("285099306611305", "N’Diaye", "21/09/1985", "93200", "2609603", "76828107546");
    static final Person ROUSSEAU = new Person("278084410926123", "Rousseau", "08/08/1978", "44000", "2739226", "68906152120");
    static final Person LEGOFF = new Person("162112901915047", "LE GOFF", "30/11/1962", "29200", "0558774", "61722217863");

    record Person(String nir, String name, String birthDate, String postalCode, String iban, String vitale) {
        IdentityClaim claim() {
            return new IdentityClaim(Nir.parse(nir), new PersonName(name), BirthDate.parse(birthDate, Clock.systemUTC()),
                    new PostalCode(postalCode));
        }

        IdentityProof proof() {
            return new IdentityProof(new IbanTail(iban), new VitaleSerialTail(vitale));
        }
    }

    AccountRequest request(Person p, String email) {
        ContactChoices contact = new ContactChoices(new EmailAddress(email), false,
                PhoneNumber.mobile("06 12 34 56 78"), true, false, null, null);
        return new AccountRequest(p.claim(), p.proof(), null, Instant.now(), CODE, CODE, contact, new EmailAddress(email));
    }

    static final Person BENALI = new Person("175083818577909", "Benali", "22/08/1975", "38000", "5319076", "03050227330");

    long expiredLinkRows(String hash) {
        return ((Number) em.createNativeQuery("select count(*) from expired_activation_link where token_hash = ?1")
                .setParameter(1, hash).getSingleResult()).longValue();
    }

    static final Person FAURE = new Person("252026311333509", "Faure", "29/02/1952", "63000", "8315293", "43305644731");
    static final Person MOREL = new Person("134065935037277", "Morel", "06/06/1934", "59000", "7724569", "30816572014");
    static final Person PAYET = new Person("172099741152012", "Payet", "01/09/1972", "97400", "5370873", "45937044023");
    static final Person CASANOVA = new Person("267102B03344693", "Casanova", "23/10/1967", "20200", "3600167", "33528882964");

    long auditCount(AuditEvent.Type type, Person person) {
        return ((Number) em.createNativeQuery("select count(*) from audit_event where event = ?1 and nir_hash = ?2")
                .setParameter(1, type.name()).setParameter(2, pseudonyms.of(Nir.parse(person.nir())))
                .getSingleResult()).longValue();
    }

    static final Person GARCIA = new Person("101013417229840", "Garcia", "17/01/2001", "34000", "1203626", "47647879854");
    static final Person LAMBERT = new Person("131032123159488", "Lambert", "27/03/1931", "21000", "2091421", "59923680877");
    static final Person SANTONI = new Person("158042A00440910", "Santoni", "19/04/1958", "20000", "5686356", "32637163048");

    /** The person's failure and lock events of one kind, without their prefix, FAILURE first. */
    @SuppressWarnings("unchecked")
    List<String> guardTrail(Person person, String prefix) {
        List<Object> events = em.createNativeQuery("select event from audit_event where nir_hash = ?1 and event like ?2 order by id")
                .setParameter(1, pseudonyms.of(Nir.parse(person.nir()))).setParameter(2, prefix + "%").getResultList();
        return events.stream().map(e -> e.toString().substring(prefix.length()))
                .filter(e -> e.equals("FAILURE") || e.equals("LOCKED")).sorted().toList();
    }

    static final Person FONTAINE = new Person("244010240870587", "De La Fontaine", "31/01/1944", "02400", "4366736", "37494789133");
    static final Person OCONNOR = new Person("280029913263197", "O'Connor", "04/02/1980", "75011", "7875340", "88345554003");

    static final Person QUENTIN = new Person("250093384936862", "Quentin", "17/09/1950", "33699", "0911140", "55765237355");
    static final Person RENAUD = new Person("283045876158120", "Renaud", "05/04/1983", "58672", "3077326", "81449766085");
    static final String FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    @Inject
    RememberedBrowsers rememberedBrowsers;

    static final Person SCHMITT = new Person("278026593169568", "Schmitt", "22/02/1978", "65867", "8647901", "42599677500");
    static final Person TESSIER = new Person("150113633501921", "Tessier", "28/11/1950", "36798", "9549408", "73924196898");
    static final Person VIDAL = new Person("148015504619088", "Vidal", "09/01/1948", "55563", "0965801", "72075473548");
    @Inject
    LoginSessions loginSessions;
    @Inject
    CodeChange codeChange;
    @Inject
    AccountClosure closure;

    long mailRowsTo(String recipient) {
        return ((Number) em.createNativeQuery("select count(*) from outbound_mail where recipient = ?1")
                .setParameter(1, recipient).getSingleResult()).longValue();
    }

    long rows(String table, Account account) {
        return ((Number) em.createNativeQuery("select count(*) from " + table + " where account_id = ?1")
                .setParameter(1, account.id()).getSingleResult()).longValue();
    }

    static final Person WEBER = new Person("273040783542121", "Weber", "19/04/1973", "07883", "3601251", "55218248861");
    @Inject
    PersonalDataExport personalDataExport;

    static final Person CELIK = new Person("290036748218734", "Çelik", "11/03/1990", "67000", "6305786", "31284151553");
    @Inject
    SecurityCodes securityCodes;

    /** The 6-digit code of the latest security-code mail to this address. */
    String securityCodeSentTo(String email, int mailsBefore) throws Exception {
        Path mails = config.dataDir().resolve("mails");
        long deadline = System.currentTimeMillis() + 10_000;
        while (countMails(mails, email) <= mailsBefore && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        String text = awaitMail(email);
        Matcher code = Pattern.compile("(?m)^(\\d{6})\r?$").matcher(text);
        assertTrue(code.find(), text);
        assertFalse(text.contains("http"), "no link in the security-code mail: " + text);
        return code.group(1);
    }

    /** Takes the database away, and brings it back. */
    interface DatabaseOutage {
        void begin() throws Exception;

        void end() throws Exception;
    }

    /** Embedded Derby: stop it and put a plain file where its folder was, so that it can neither boot nor be created again. */
    DatabaseOutage derbyOutage() {
        Path database = config.dataDir().resolve("derby");
        Path away = config.dataDir().resolve("derby-away");
        return new DatabaseOutage() {
            public void begin() throws Exception {
                try {
                    java.sql.DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true");
                } catch (java.sql.SQLException expected) {
                    assertEquals("08006", expected.getSQLState(), "Derby says it shut the database down");
                }
                Files.move(database, away);
                Files.writeString(database, "not a database");
            }

            public void end() throws Exception {
                Files.delete(database);
                Files.move(away, database);
            }
        };
    }

    /** PostgreSQL: refuse new connections to the database and end the open ones; then allow them again. */
    DatabaseOutage postgresqlOutage(String url) {
        String withoutOptions = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String name = withoutOptions.substring(withoutOptions.lastIndexOf('/') + 1);
        String admin = withoutOptions.substring(0, withoutOptions.lastIndexOf('/')) + "/postgres";
        return new DatabaseOutage() {
            public void begin() throws Exception {
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(admin, "ameli", "ameli");
                     java.sql.Statement s = c.createStatement()) {
                    s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
                    s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
                }
            }

            public void end() throws Exception {
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(admin, "ameli", "ameli");
                     java.sql.Statement s = c.createStatement()) {
                    s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
                }
            }
        };
    }

    static final Person JEAN_BAPTISTE = new Person("249059712048392", "Jean-Baptiste", "15/05/1949", "97100", "1182639", "09456432019");

    void setExpiryLease(String owner, Instant expiresAt) throws Exception {
        setLease("activation-expiry", owner, expiresAt);
    }

    /** The lease of job {@code name} as another server would leave it (the row made if the job has none). */
    void setLease(String name, String owner, Instant expiresAt) throws Exception {
        transaction.begin();
        int updated = em.createNativeQuery("UPDATE job_lease SET owner = ?1, expires_at = ?2 WHERE name = ?3")
                .setParameter(1, owner).setParameter(2, java.sql.Timestamp.from(expiresAt)).setParameter(3, name).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO job_lease (name, owner, expires_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, name).setParameter(2, owner).setParameter(3, java.sql.Timestamp.from(expiresAt)).executeUpdate();
        }
        transaction.commit();
    }

    @Inject
    JobLeases jobLeases;

    static final Person DUPONT = new Person("299121305555755", "Dupont", "12/12/1999", "13001", "0890611", "28214288123");

    @Inject
    ActivationResend activationResend;

    static final Person NGUYEN = new Person("288069402874203", "Nguyen", "18/06/1988", "94000", "5051195", "59894870958");
    static final Pattern RESET_LINK = Pattern.compile("^http://localhost:8080/nouveau-code\\.xhtml\\?jeton=([A-Za-z0-9_-]{43})$", Pattern.MULTILINE);

    @Inject
    CodeReset codeReset;

    String resetTokenFrom(String mailText) {
        Matcher m = RESET_LINK.matcher(mailText.replace("\r\n", "\n"));
        assertTrue(m.find(), mailText);
        return m.group(1);
    }

    static final Person BERNARD = new Person("139123306322476", "Bernard", "25/12/1939", "33000", "2673725", "60266118526");

    @Inject
    ProvisionalCodes provisionalCodes;

    static final Person MULLER = new Person("165359910966826", "Müller", "09/07/1965", "67100", "1882025", "88351607921");


    // Persons of registre-espace.csv (the test register of « Mon espace »)
    static final Person IMBERT = new Person("180097581155216", "Imbert", "22/09/1980", "75221", "8881047", "16210521854");
    static final Person JOLY = new Person("172063526306534", "Joly", "06/06/1972", "35014", "3860987", "99065939761");
    /** Issue 28 §1: the use cases that hash, one after the other (registre-espace.csv). */
    static final Person PELLETIER = new Person("170057511223303", "Pelletier", "12/05/1970", "75011", "0057511", "70057511233");
    static final Person KLEIN = new Person("267074706075484", "Klein", "10/07/1967", "47732", "1716338", "80129110285");
    static final Person LEROUX = new Person("238071736542689", "Leroux", "19/07/1938", "17393", "4393062", "00487645291");
    static final Pattern EMAIL_LINK = Pattern.compile("^http://localhost:8080/confirmation-email\\.xhtml\\?jeton=([A-Za-z0-9_-]{43})$", Pattern.MULTILINE);

    @Inject
    EmailChange emailChange;


    String emailOf(Person p) {
        em.getEntityManagerFactory().getCache().evictAll();
        return accounts.findByNir(Nir.parse(p.nir())).orElseThrow().contact().email().value();
    }

    /** The confirmation link of the {@code n}-th mail to this address of this deployment (waiting for it). */
    String emailLinkSentTo(String recipient, int n) throws Exception {
        awaitMails(recipient, n);
        Matcher m = EMAIL_LINK.matcher(awaitMail(recipient).replace("\r\n", "\n"));
        assertTrue(m.find(), recipient);
        return m.group(1);
    }

    void awaitMails(String recipient, int n) throws Exception {
        Path mails = config.dataDir().resolve("mails");
        long deadline = System.currentTimeMillis() + 10_000;
        while (countMails(mails, recipient) < n && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(n, countMails(mails, recipient), "mails to " + recipient);
    }


    static final Person ARNAUD = new Person("175098488197616", "Arnaud", "17/09/1975", "84105", "9792438", "41707536455");
    static final Person BLANCHARD = new Person("244121257155110", "Blanchard", "11/12/1944", "12299", "5413987", "71689768469");
    static final Person CARPENTIER = new Person("238101783805196", "Carpentier", "08/10/1938", "17985", "4271844", "86488766344");
    static final Person DELMAS = new Person("139037898447038", "Delmas", "21/03/1939", "78822", "3419832", "78472671475");

    /**
     * « Register then activate »: an active account for {@code p} (promotions by email refused, a mobile
     * with calls accepted and SMS refused, see {@link #request}), activated from its mail's link.
     */
    Nir activeAccount(Person p, String email) throws Exception {
        registration.register(request(p, email));
        assertEquals(ActivationOutcome.ACTIVATED, activation.activate(tokenFrom(awaitMailContaining(email, "Activer mon compte"))));
        return Nir.parse(p.nir());
    }

    ContactChoices contactOf(Nir nir) {
        return accounts.findByNir(nir).orElseThrow().contact();
    }

    static void assertBetween(Instant from, Instant to, Instant actual, String what) {
        assertTrue(actual != null && !actual.isBefore(from) && !actual.isAfter(to), what + ": " + actual + " not in [" + from + ", " + to + "]");
    }


    // Persons of registre-espace.csv kept for the espace agent
    static final Person ETIENNE = new Person("159125415046147", "Etienne", "28/12/1959", "54938", "6113638", "52059972837");
    static final Person GAUTHIER = new Person("256036821244509", "Gauthier", "19/03/1956", "68638", "0471566", "70283822264");
    static final Person HAMON = new Person("288024119235340", "Hamon", "13/02/1988", "41178", "8416219", "33017568205");
    static final Person MARCHAND = new Person("139116784027234", "Marchand", "28/11/1939", "67348", "1057966", "45355778794");
    static final Person NOEL = new Person("155112149791650", "Noel", "14/11/1955", "21005", "3910091", "39490668828");
    static final Person OLIVIER = new Person("145035134256148", "Olivier", "24/03/1945", "51267", "1970251", "97658280258");
    static final String ETIENNE_IBAN = "FR7611839220806013046113638";
    static final String ETIENNE_VITALE = "9819331908452059972837";
    static final AgentReason REASON = new AgentReason("appel de l'assurée au guichet");

    @Inject
    AgentDesk desk;

    static Agent agent(String subject) {
        return new Agent(subject, "Agnès Guichet", Set.of(AgentRole.AGENT));
    }

    static Agent superviseur(String subject) {
        return new Agent(subject, "Sylvie Superviseur", Set.of(AgentRole.SUPERVISEUR));
    }

    /** The agent and reason of each audit event of this type for this person, oldest first. */
    @SuppressWarnings("unchecked")
    List<List<String>> agentEvents(AuditEvent.Type type, Person person) {
        List<Object[]> rows = em.createNativeQuery("select agent, reason from audit_event where event = ?1 and nir_hash = ?2 order by id")
                .setParameter(1, type.name()).setParameter(2, pseudonyms.of(Nir.parse(person.nir()))).getResultList();
        return rows.stream().map(r -> java.util.Arrays.asList(r[0] == null ? null : r[0].toString(), r[1] == null ? null : r[1].toString())).toList();
    }

    long eventsOfAgent(String subject, AuditEvent.Type type) {
        return ((Number) em.createNativeQuery("select count(*) from audit_event where agent = ?1 and event = ?2")
                .setParameter(1, subject).setParameter(2, type.name()).getSingleResult()).longValue();
    }

    /** Everything the file holds, as the page or a serialised session would: no IBAN nor Vitale serial, nor any tail of them. */
    static void assertNoBankNorVitale(PersonFile file, String iban, String vitale) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(file);
        }
        String serialised = bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String secret : List.of(iban.substring(4), iban.substring(iban.length() - 7), vitale, vitale.substring(vitale.length() - 11))) {
            assertFalse(file.toString().contains(secret), "never in the file: " + secret + " " + file);
            assertFalse(serialised.contains(secret), "never in the serialised file: " + secret);
        }
    }

    static String tokenFrom(String mailText) {
        Matcher m = LINK.matcher(mailText.replace("\r\n", "\n"));
        assertTrue(m.find(), mailText);
        return m.group(2);
    }

    /** The latest .eml file of the file mail mode for that recipient (delivered asynchronously after commit). */
    String awaitMail(String recipient) throws Exception {
        return awaitMailContaining(recipient, "");
    }

    /** The text part of the latest mail to that recipient whose text holds {@code words}, once it is delivered. */
    String awaitMailContaining(String recipient, String words) throws Exception {
        Path mails = config.dataDir().resolve("mails");
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.isDirectory(mails)) {
                try (Stream<Path> files = Files.list(mails)) {
                    Optional<String> found = files.filter(f -> f.toString().endsWith(".eml"))
                            .filter(AccountServicesIT::writtenByThisDeployment)
                            .sorted(java.util.Comparator.reverseOrder())
                            .map(AccountServicesIT::readQuietly)
                            .filter(content -> content.contains("To: " + recipient) && textQuietly(content).contains(words))
                            .findFirst();
                    if (found.isPresent()) {
                        return textPart(found.get());
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + recipient + (words.isEmpty() ? "" : " saying « " + words + " »") + " in " + mails);
    }

    static long countMails(Path folder, String recipient) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".eml")).filter(AccountServicesIT::writtenByThisDeployment)
                    .map(AccountServicesIT::readQuietly)
                    .filter(content -> content.contains("To: " + recipient)).count();
        }
    }

    /** When this class was loaded in the server: the deployment's start. */
    static final long DEPLOYED_AT = System.currentTimeMillis();

    /**
     * A mail file of this deployment: mails are named by their outbox row's id, so a folder that an
     * earlier deployment wrote into (same data dir, a fresh database) may keep higher-numbered,
     * older files.
     */
    static boolean writtenByThisDeployment(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() >= DEPLOYED_AT - 2_000;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "";
        }
    }

    static String textQuietly(String eml) {
        try {
            return textPart(eml);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    static String textPart(String eml) throws Exception {
        return fr.ameli.compte.MailText.ofEml(eml);
    }

    void awaitBodyCleared(long accountId) throws Exception {
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

    // README « Backups »: an online backup of embedded Derby, restored as the README says.
    static final Person FABRE = new Person("172028716495861", "Fabre", "14/02/1972", "87138", "3786666", "50087547517");
    static final Person XAVIER = new Person("138082844052135", "Xavier", "08/08/1938", "28876", "4900307", "29822290044");
    static final Person ZIMMER = new Person("152059036613242", "Zimmer", "18/05/1952", "90468", "9812791", "81762528070");

    @Inject
    fr.ameli.compte.infrastructure.persistence.DatabaseBackups backups;


    @Inject
    CodeHasher codeHasher;
    @Inject
    FranceConnectLogin franceConnectLogin;

    /**
     * A person added to the register for one test (the register's files hold the others), with an IBAN
     * and a Vitale serial made from the NIR: what the wizard's proof step would ask.
     */
    Person inRegister(String nir, String familyName, String givenNames, String birthDate, String postalCode) throws Exception {
        transaction.begin();
        Person person = inRegisterInTransaction(nir, familyName, givenNames, birthDate, postalCode);
        transaction.commit();
        return person;
    }

    Person inRegisterInTransaction(String nir, String familyName, String givenNames, String birthDate, String postalCode) {
        Nir parsed = Nir.parse(nir);
        String account = parsed.digits13().replaceAll("[AB]", "0").substring(2);
        String bban = "30004" + "00001" + account + "00";
        java.math.BigInteger rearranged = new java.math.BigInteger(bban + "152700");
        String iban = "FR" + String.format("%02d", 98 - rearranged.mod(java.math.BigInteger.valueOf(97)).intValue()) + bban;
        String serial = "8250" + parsed.digits13().replaceAll("[AB]", "0");
        em.persist(new fr.ameli.compte.domain.person.InsuredPerson(parsed, new PersonName(familyName), givenNames,
                BirthDate.parse(birthDate, Clock.systemUTC()).value(), new PostalCode(postalCode), "Commune", "1 rue des Essais",
                pseudonyms.proofOf(new fr.ameli.compte.domain.person.Iban(iban), serial)));
        return new Person(nir, familyName, birthDate, postalCode, iban.substring(iban.length() - 7), serial.substring(serial.length() - 11));
    }

    /** The provisional code of the letter {@code request} makes for the print run, read as the person would. */
    String codeOfNewLetter(java.util.function.Supplier<Optional<ProvisionalCodes.LetterSent>> request) throws Exception {
        Matcher code = Pattern.compile("Votre code provisoire : (\\d{4})").matcher(textOfNewLetter(request));
        assertTrue(code.find());
        return code.group(1);
    }

    /** The text of the one new PDF file that {@code request} writes for the print run. */
    String textOfNewLetter(java.util.function.Supplier<Optional<ProvisionalCodes.LetterSent>> request) throws Exception {
        Path folder = config.dataDir().resolve("courriers").resolve("a-imprimer");
        Set<Path> before = Files.isDirectory(folder) ? pdfsIn(folder) : Set.of();
        ProvisionalCodes.LetterSent sent = request.get().orElseThrow();
        assertTrue(sent.sent() && !sent.alreadySent(), "a letter leaves");
        Set<Path> after = new java.util.HashSet<>(pdfsIn(folder));
        after.removeAll(before);
        assertEquals(1, after.size(), "one new letter for the print run");
        lastLetter = after.iterator().next();
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(lastLetter.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
    }

    /** The file of the letter {@link #textOfNewLetter} read last. */
    Path lastLetter;

    static Set<Path> pdfsIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".pdf")).collect(java.util.stream.Collectors.toSet());
        }
    }

    static String another(String code) {
        return String.format("%04d", (Integer.parseInt(code) + 1) % 10_000);
    }

    /** Runs {@code work} 20 times at the same instant, each on a thread of the server's executor, from this test's client address; their results. */
    <T> List<T> twentyAtOnce(java.util.function.IntFunction<T> work) throws Exception {
        String address = clientOrigin.address();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Callable<T>> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            tasks.add(() -> {
                start.await();
                // Each as its own request would: a request context of its own (the client's address, the login's outcome).
                jakarta.enterprise.context.control.RequestContextController requestContext =
                        jakarta.enterprise.inject.spi.CDI.current().select(jakarta.enterprise.context.control.RequestContextController.class).get();
                requestContext.activate();
                try {
                    clientOrigin.setAddress(address);
                    return work.apply(n);
                } finally {
                    requestContext.deactivate();
                }
            });
        }
        List<java.util.concurrent.Future<T>> futures = new java.util.ArrayList<>();
        for (java.util.concurrent.Callable<T> task : tasks) {
            futures.add(executor.submit(task));
        }
        start.countDown();
        List<T> results = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<T> f : futures) {
            results.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        return results;
    }

    /** The mails to this recipient whose text holds {@code words}. */
    long mailsSaying(String recipient, String words) throws Exception {
        try (Stream<Path> files = Files.list(config.dataDir().resolve("mails"))) {
            return files.filter(f -> f.toString().endsWith(".eml")).filter(AccountServicesIT::writtenByThisDeployment)
                    .map(AccountServicesIT::readQuietly)
                    .filter(content -> content.contains("To: " + recipient) && textQuietly(content).contains(words)).count();
        }
    }

    @Inject
    AgentSessions agentSessions;
    @Inject
    AuditTrail audit;

    /** The NIRs of the active accounts (the expiry timer removes pending ones meanwhile); closes the connection. */
    static Set<String> activeNirs(java.sql.Connection connection) throws java.sql.SQLException {
        try (connection; java.sql.Statement s = connection.createStatement();
             java.sql.ResultSet rows = s.executeQuery("SELECT nir FROM account WHERE status = 'ACTIVE'")) {
            Set<String> nirs = new java.util.HashSet<>();
            while (rows.next()) {
                nirs.add(rows.getString(1).strip());
            }
            return nirs;
        }
    }

    // Passkeys (PRODUCT §2.11, §2.1)
    static final Person QUINTIN = new Person("282047505612372", "Quintin", "17/04/1982", "75004", "5056123", "04750561239");
    static final Person RIVIERE = new Person("169116912345648", "Riviere", "02/11/1969", "69001", "9123456", "11691234569");
    /** The test deployment's origin (ameli.base-url), as a browser on it would give it. */
    static final String ORIGIN = "http://localhost:8080";

    @Inject
    fr.ameli.compte.application.espace.PasskeyManagement passkeyManagement;
    @Inject
    fr.ameli.compte.application.connexion.PasskeyLogin passkeyLogin;

    long passkeyRows(long accountId) {
        return ((Number) em.createNativeQuery("select count(*) from passkey where account_id = ?1").setParameter(1, accountId)
                .getSingleResult()).longValue();
    }
}
