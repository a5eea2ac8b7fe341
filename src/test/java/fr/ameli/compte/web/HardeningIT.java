package fr.ameli.compte.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.ameli.compte.TestDeployments;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service at the HTTP level, against the real WAR, as a browser or an attacker would send
 * requests (docs/SECURITY.md names each test). One server for all; one section each:
 * <ol>
 * <li>Headers, cookies, sessions: security headers, the session id at wizard start and login, HSTS and
 *     {@code Secure} behind a trusted proxy, FranceConnect and the espace agent without configuration;</li>
 * <li>Operations: health and metrics;</li>
 * <li>No enumeration: the same answer (text, status, time) whether a NIR is unknown or another field is wrong;</li>
 * <li>Double submissions: twenty clicks at once on the wizard's last step;</li>
 * <li>The mail outbox riding out an SMTP outage;</li>
 * <li>Hostile input in every field of the wizard, « Mon espace » and the espace agent (PRODUCT §2);</li>
 * <li>Links a mail scanner cannot spend (PRODUCT §2.8);</li>
 * <li>« Modifier mon adresse email » over HTTP (PRODUCT §2.11);</li>
 * <li>Client errors: their status, French page and single log line (docs/SECURITY.md « Client errors »).</li>
 * </ol>
 */
@ExtendWith(ArquillianExtension.class)
class HardeningIT {

    private static final int SMTP_PORT = TestDeployments.freePort();
    private static GreenMail smtp;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestDeployments.war("hardening", Map.of(
                "ameli.mail.mode", "smtp",
                "ameli.smtp.host", "127.0.0.1",
                "ameli.smtp.port", String.valueOf(SMTP_PORT),
                "ameli.mail.retry-interval", "PT1S",
                // Many identity-step attempts from one address here; the cap itself is tested in AccountServicesIT.
                "ameli.throttle.identity-attempts-per-minute", "1000",
                // Every login is « old » here, so that « Mon espace » always asks for the code personnel again.
                "ameli.space.reauthentication-after", "PT1S",
                // The persons of the « Mon espace » tests, besides the demo register.
                "ameli.registry.csv", System.getProperty("ameli.test.resources") + "/registre-espace.csv",
                "ameli.registry.demo", "true",
                // The test client stands for the reverse proxy, from whatever address this machine gives it (IPv4 or
                // IPv6 ranges). No test here sends X-Forwarded-For; AccountServicesIT trusts no proxy.
                "ameli.trusted-proxies", "0.0.0.0/0, ::/0"));
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startSmtp() {
        smtp = smtpServer();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    private static GreenMail smtpServer() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }


    private FormClient client() {
        return new FormClient(URI.create(base.toString()));
    }

    record Person(String name, String nir, String birthDate, String postalCode, String iban, String vitale) {
    }

    private static final Person TOTO = new Person("TOTO", "2 28 12 31 815 001", "03/12/1928", "31470", "3910173", "01647314244");
    private static final Person GARCIA = new Person("Garcia", "1 01 01 34 172 298", "17/01/2001", "34000", "1203626", "47647879854");
    private static final Person LAMBERT = new Person("Lambert", "1 31 03 21 231 594", "27/03/1931", "21000", "2091421", "59923680877");
    private static final Person FONTAINE = new Person("de La Fontaine", "2 44 01 02 408 705", "31/01/1944", "02400", "4366736", "37494789133");
    private static final Person BENALI = new Person("Benali", "1 75 08 38 185 779", "22/08/1975", "38000", "5319076", "03050227330");
    private static final String CODE = "Robert*123_A";

    private static Map<String, String> identity(Person p) {
        return Map.of("identite:nom", p.name(), "identite:nir", p.nir(), "identite:naissance", p.birthDate(),
                "identite:codePostal", p.postalCode());
    }

    private static Map<String, String> proof(Person p) {
        return Map.of("verification:iban", p.iban(), "verification:vitale", p.vitale());
    }

    private static final Map<String, String> TERMS = Map.of("conditions:choix", "oui");
    private static final Map<String, String> CODES = Map.of("codePersonnel:code", CODE, "codePersonnel:confirmation", CODE);

    private static Map<String, String> contact(String email) {
        return Map.of("coordonnees:email", email, "coordonnees:emailConfirmation", email, "coordonnees:promotions", "non");
    }

    /** Goes through the wizard up to the contact step; returns that page. */
    private FormClient.Page toContactStep(FormClient c, Person p) {
        FormClient.Page page = c.get("creation/identite.xhtml");
        page = c.submit(page, "identite", "identite:continuer", identity(p));
        assertEquals("Accédez immédiatement à votre compte", page.h1(), page.body());
        page = c.submit(page, "verification", "verification:valider", proof(p));
        page = c.submit(page, "conditions", "conditions:continuer", TERMS);
        page = c.submit(page, "codePersonnel", "codePersonnel:continuer", CODES);
        assertEquals("Informations personnelles", page.h1(), page.body());
        return page;
    }

    private List<MimeMessage> mailsTo(String recipient) throws Exception {
        return new Mailbox(smtp).allTo(recipient);
    }

    private MimeMessage awaitMail(String recipient, long millis) throws Exception {
        return new Mailbox(smtp).firstTo(recipient, Duration.ofMillis(millis));
    }

    private static boolean activeAccountReady;

    /** GARCIA's account, created and activated once for the login tests. */
    private void ensureActiveAccount() throws Exception {
        if (activeAccountReady) {
            return;
        }
        FormClient c = client();
        c.submit(toContactStep(c, GARCIA), "coordonnees", "coordonnees:continuer", contact("garcia@example.fr"));
        FormClient.Page activated = MailLinks.activate(c, awaitMail("garcia@example.fr", 20_000));
        assertTrue(activated.text().contains("Votre compte ameli est activé."), activated.body());
        activeAccountReady = true;
    }

    /** The login as a person does it, the security code read from the mail when the code personnel was right. */
    private FormClient.Page login(FormClient c, String nir, String code) {
        return MailLinks.logIn(c, nir, code, smtp::getReceivedMessages);
    }

    // ---- Headers, cookies, sessions

    @Test
    void every_response_carries_the_security_headers_and_names_no_server() {
        FormClient c = client();
        for (String path : List.of("", "creation/identite.xhtml", "activation.xhtml?jeton=x", "n-existe-pas.html",
                "jakarta.faces.resource/css/ameli.css.xhtml", "WEB-INF/web.xml")) {
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertAll(path + ": " + csp,
                    () -> assertTrue(csp.contains("script-src 'self'"), "scripts from the service only"),
                    () -> assertTrue(csp.contains("frame-ancestors 'none'"), "never in a frame"),
                    () -> assertFalse(csp.contains("unsafe-inline"), "no inline script or style"));
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""), path);
            assertEquals(List.of("DENY"), r.headers().allValues("X-Frame-Options"), path);
            assertAll(path + ": the server is not named",
                    () -> assertEquals(Optional.empty(), r.headers().firstValue("Server"), "Server header"),
                    () -> assertEquals(Optional.empty(), r.headers().firstValue("X-Powered-By"), "X-Powered-By header"));
            assertAll(path + ": no server detail in the page: " + r.body(),
                    () -> assertFalse(r.body().contains("Payara"), "the server's name"),
                    () -> assertFalse(r.body().contains("Exception"), "an exception"),
                    () -> assertFalse(r.body().contains("at java."), "a stack trace"));
            assertTrue(r.statusCode() < 500, path + ": " + r.statusCode());
        }
        HttpResponse<String> page = c.send(HttpRequest.newBuilder(URI.create(base + "creation/identite.xhtml")).GET().build());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        // The pre-boot file makes Payara write SameSite itself, twice (issue 7254): the service keeps one.
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertCookie(cookie, "SameSite=Lax");
        HttpResponse<String> login = client().send(HttpRequest.newBuilder(URI.create(base.toString())).GET().build());
        assertCookie(login.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("ameli-connexion=")).findFirst().orElseThrow(),
                "SameSite=Lax");
    }

    private static final Person OLIVIER = new Person("Olivier", "145035134256148", "24/03/1945", "51267", "1970251", "97658280258");

    /**
     * Behind a reverse proxy that ends TLS (docs/SECURITY.md): the service is called over plain HTTP, but the
     * trusted proxy says the client used HTTPS. Every cookie then says Secure — the login page's token, the
     * session, the remembered browser's — and every response carries HSTS.
     */
    @Test
    void behind_a_trusted_proxy_that_ends_tls_every_cookie_is_secure_and_hsts_is_sent() throws Exception {
        FormClient c = FormClient.behindTlsProxy(URI.create(base.toString()));
        c.submit(toContactStep(c, OLIVIER), "coordonnees", "coordonnees:continuer", contact("oscar.olivier@example.fr"));
        assertTrue(MailLinks.activate(c, awaitMail("oscar.olivier@example.fr", 20_000)).text().contains("Votre compte ameli est activé."));
        java.util.Set<String> before = MailLinks.securityCodeMailIds(smtp.getReceivedMessages());
        FormClient.Page codePage = c.submit(c.get(""), "connexion", "connexion:connecter",
                Map.of("connexion:nir", OLIVIER.nir(), "connexion:code", CODE));
        HttpResponse<String> accepted = c.send(c.post(codePage, "codeSecurite", "codeSecurite:valider", Map.of(
                "codeSecurite:code", MailLinks.awaitSecurityCode(smtp::getReceivedMessages, before), "codeSecurite:memoriser", "true")));
        assertEquals(302, accepted.statusCode(), "logged in");
        List<String> setCookies = c.received.stream().flatMap(h -> h.allValues("Set-Cookie").stream()).toList();
        for (String name : List.of("ameli-connexion=", "JSESSIONID=", "ameli-appareil-")) {
            assertTrue(setCookies.stream().anyMatch(h -> h.startsWith(name)), name + " in " + setCookies);
        }
        assertAll(setCookies.stream().map(cookie -> () -> assertTrue(
                Arrays.stream(cookie.split(";")).map(String::strip).anyMatch("Secure"::equalsIgnoreCase), cookie)));
        assertAll(c.received.stream().map(headers -> () -> assertEquals("max-age=31536000",
                headers.firstValue("Strict-Transport-Security").orElse(""), headers.map().toString())));
    }

    /** HttpOnly and the SameSite value once each, no Secure over plain HTTP (Secure over HTTPS: {@code CookieAttributesTest}). */
    static void assertCookie(String cookie, String sameSite) {
        List<String> attributes = Arrays.stream(cookie.split(";")).skip(1).map(String::strip).toList();
        assertAll(cookie,
                () -> assertEquals(1, attributes.stream().filter("HttpOnly"::equalsIgnoreCase).count(), "HttpOnly once"),
                () -> assertEquals(List.of(sameSite), attributes.stream().filter(a -> a.regionMatches(true, 0, "SameSite", 0, 8)).toList(),
                        "SameSite once"),
                () -> assertFalse(attributes.stream().anyMatch("Secure"::equalsIgnoreCase), "plain HTTP here"));
    }

    @Test
    void the_style_sheet_and_scripts_have_versioned_urls_cached_for_a_year_compressed_and_pages_are_never_cached()
            throws Exception {
        FormClient c = client();
        FormClient.Page login = c.get("");
        assertEquals("no-store", login.headers().firstValue("Cache-Control").orElse(""));
        List<String> resources = login.document().select("[href*=/jakarta.faces.resource/], [src*=/jakarta.faces.resource/]").stream()
                .map(element -> element.hasAttr("href") ? element.attr("href") : element.attr("src")).toList();
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertEquals(3, resources.size(), "the style sheet and the scripts (the pages' and the passkeys'): " + resources);
        for (String resource : resources) {
            assertTrue(resource.matches(".*[?&]v=[0-9a-f]{8}$"), resource);
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(resource)).GET().build());
            assertEquals(200, r.statusCode(), resource);
            assertEquals("public, max-age=31536000, immutable", r.headers().firstValue("Cache-Control").orElse(""), resource);
            // Another version (an old page's URL) is served, but not promised for a year.
            HttpResponse<String> old = c.send(HttpRequest.newBuilder(URI.create(base.toString())
                    .resolve(resource.replaceFirst("v=[0-9a-f]{8}", "v=00000000"))).GET().build());
            assertEquals(200, old.statusCode(), resource);
            assertNotEquals("public, max-age=31536000, immutable", old.headers().firstValue("Cache-Control").orElse(""), resource);
            // Compressed for browsers that accept it, over HTTP/1.1 as a reverse proxy asks (Payara
            // compresses no HTTP/2 response).
            HttpResponse<byte[]> gzip = http11.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(resource))
                    .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(""), resource);
            assertTrue(gzip.body().length < r.body().length() / 2, resource + ": " + gzip.body().length + " bytes compressed");
        }
        // Pages carry secrets (the login form's token), so they are not compressed (BREACH).
        HttpResponse<byte[]> page = http11.send(HttpRequest.newBuilder(URI.create(base.toString())).header("Accept-Encoding", "gzip")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(page.headers().firstValue("Content-Encoding").isEmpty(), page.headers().toString());
    }

    @Test
    void the_session_id_changes_when_a_wizard_starts_and_at_login() throws Exception {
        ensureActiveAccount();
        FormClient c = client();
        c.get("creation/identite.xhtml");
        String before = c.sessionId();
        assertTrue(before != null, "a wizard lives in a session");
        c.get("creation/identite.xhtml");
        assertNotEquals(before, c.sessionId(), "new id at wizard start");

        String beforeLogin = c.sessionId();
        FormClient.Page space = login(c, GARCIA.nir(), CODE);
        assertEquals("Mon espace", space.h1(), space.body());
        assertNotEquals(beforeLogin, c.sessionId(), "new id at login");
    }

    @Test
    void an_anonymous_visit_of_the_login_or_code_oublie_page_creates_no_session_and_a_forged_post_is_refused() throws Exception {
        ensureActiveAccount();
        FormClient c = client();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(URI.create(base.toString())).GET().build());
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(h -> h.startsWith("JSESSIONID=")),
                    "visit " + (i + 1) + " of the login page: " + r.headers().allValues("Set-Cookie"));
        }
        assertEquals(null, c.sessionId(), "no session kept on the server for an anonymous visitor");

        // A login form posted from another site: the fields and the page's hidden values, not the cookie.
        FormClient.Page page = c.get("");
        HttpRequest forged = client().post(page, "connexion", "connexion:connecter",
                Map.of("connexion:nir", GARCIA.nir(), "connexion:code", CODE));
        FormClient forger = client();
        FormClient.Page refused = forger.follow(forger.send(forged));
        assertEquals("J'accède à mon compte ameli", refused.h1(), refused.body());
        assertTrue(refused.globalErrors("connexion").startsWith("La page de connexion a expiré."), refused.body());
        assertEquals(null, forger.sessionId(), "nobody logged in");

        // « Code oublié ? » is a stateless page too (no time limit runs out on it): no session for a
        // visit, and a form posted from another site is refused before anything is looked up or mailed.
        HttpResponse<String> forgottenVisit = c.send(HttpRequest.newBuilder(URI.create(base + "code-oublie.xhtml")).GET().build());
        assertEquals(200, forgottenVisit.statusCode());
        assertTrue(forgottenVisit.headers().allValues("Set-Cookie").stream().noneMatch(h -> h.startsWith("JSESSIONID=")),
                "a visit of « Code oublié ? »: " + forgottenVisit.headers().allValues("Set-Cookie"));
        FormClient.Page forgotten = c.get("code-oublie.xhtml");
        FormClient.Page forgedReset = forger.follow(forger.send(client().post(forgotten, "oubli", "oubli:envoyer",
                Map.of("oubli:nir", GARCIA.nir(), "oubli:naissance", GARCIA.birthDate()))));
        assertEquals("Code oublié ?", forgedReset.h1(), forgedReset.body());
        assertTrue(forgedReset.globalErrors("oubli").startsWith("La page a expiré."), forgedReset.body());
        assertFalse(forgedReset.body().contains("un courriel vient d'être envoyé"), "nothing was asked for");
        assertEquals(null, c.sessionId(), "no session kept on the server for « Code oublié ? »");

        // The same form from this browser passes the first step: the security code comes next.
        java.util.Set<String> codesBefore = MailLinks.securityCodeMailIds(smtp.getReceivedMessages());
        FormClient.Page second = c.submit(page, "connexion", "connexion:connecter",
                Map.of("connexion:nir", GARCIA.nir(), "connexion:code", CODE));
        assertEquals("Saisissez le code de sécurité reçu par email", second.h1(), second.body());
        // Its mail is delivered before the next test counts the security-code mails it waits for.
        MailLinks.awaitSecurityCode(smtp::getReceivedMessages, codesBefore);
    }

    @Test
    void a_get_or_a_foreign_post_changes_nothing_without_the_page_s_view_state() {
        FormClient c = client();
        FormClient.Page page = c.get("creation/identite.xhtml");
        String action = page.formAction("identite");
        HttpResponse<String> forged = c.send(HttpRequest.newBuilder(page.uri().resolve(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("identite=identite&identite%3Anom=TOTO&identite%3Anir=2281231815001"
                        + "&identite%3Anaissance=03%2F12%2F1928&identite%3AcodePostal=31470&identite%3Acontinuer=x"))
                .build());
        // Without the page's ViewState, Faces does not treat it as a submission: the step is shown again, untouched.
        assertEquals(200, forged.statusCode());
        assertTrue(forged.body().contains("<form id=\"identite\""), forged.body());
        assertFalse(forged.body().contains("TOTO"), "the forged values were not taken");
        HttpResponse<String> stale = c.send(HttpRequest.newBuilder(page.uri().resolve(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("identite=identite&identite%3Anom=TOTO&identite%3Acontinuer=x"
                        + "&jakarta.faces.ViewState=" + "-1%3A-1"))
                .build());
        assertEquals(302, stale.statusCode(), "a ViewState that is not this session's is refused");
        assertTrue(stale.headers().firstValue("Location").orElse("").contains("session-expiree"), stale.headers().toString());
    }

    // ---- Operations

    @Test
    void readiness_liveness_and_metrics_are_served_for_operators() throws Exception {
        ensureActiveAccount();
        FormClient c = client();
        HttpResponse<String> ready = c.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("/health/ready")).GET().build());
        assertEquals(200, ready.statusCode(), ready.body());
        assertAll(ready.body(),
                () -> assertTrue(ready.body().contains("\"status\":\"UP\""), "ready"),
                () -> assertTrue(ready.body().contains("\"database\""), "the database check"),
                () -> assertTrue(ready.body().contains("\"mail-outbox\""), "the mail outbox check"));
        HttpResponse<String> live = c.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("/health/live")).GET().build());
        assertEquals(200, live.statusCode(), live.body());
        String metrics = c.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("/metrics")).GET().build()).body();
        assertTrue(metrics.contains("ameli_mails_waiting"), "outbox gauge");
        assertTrue(metrics.matches("(?s).*ameli_events_total\\{event=\"ACCOUNT_CREATED\".*"), "account events counted");
        assertTrue(metrics.matches("(?s).*ameli_wizard_step_seconds_count\\{[^}]*step=\"identite\".*"), "step durations");
    }

    // ---- No enumeration

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void step_one_answers_the_same_for_an_unknown_nir_and_a_wrong_postal_code() {
        FormClient c = client();
        FormClient.Page page = c.get("creation/identite.xhtml");
        Map<String, String> unknown = new HashMap<>(identity(TOTO));
        unknown.put("identite:nir", "1 84 12 76 451 089");
        Map<String, String> wrongPostal = new HashMap<>(identity(TOTO));
        wrongPostal.put("identite:codePostal", "31000");
        List<Long> unknownTimes = new ArrayList<>();
        List<Long> wrongTimes = new ArrayList<>();
        FormClient.Page a = null;
        FormClient.Page b = null;
        for (int i = 0; i < 12; i++) {
            long t0 = System.nanoTime();
            a = c.submit(page, "identite", "identite:continuer", unknown);
            unknownTimes.add(System.nanoTime() - t0);
            page = a;
            t0 = System.nanoTime();
            b = c.submit(page, "identite", "identite:continuer", wrongPostal);
            wrongTimes.add(System.nanoTime() - t0);
            page = b;
        }
        assertEquals(a.status(), b.status());
        assertEquals(a.globalErrors("identite"), b.globalErrors("identite"));
        assertEquals("Les informations saisies ne permettent pas de vous identifier. Vérifiez-les ou contactez votre caisse.",
                a.globalErrors("identite"));
        long mu = median(unknownTimes) / 1_000_000;
        long mw = median(wrongTimes) / 1_000_000;
        assertTrue(Math.abs(mu - mw) <= Math.max(25, Math.max(mu, mw) / 2), "medians " + mu + " ms and " + mw + " ms");
    }

    @Test
    void login_answers_the_same_for_an_unknown_nir_and_a_wrong_code() throws Exception {
        ensureActiveAccount();
        FormClient c = client();
        List<Long> unknownTimes = new ArrayList<>();
        List<Long> wrongTimes = new ArrayList<>();
        FormClient.Page unknown = null;
        FormClient.Page wrong = null;
        // Four each: a fifth failure for one NIR would lock it (and answer faster).
        for (int i = 0; i < 4; i++) {
            long t0 = System.nanoTime();
            unknown = login(c, "1 99 12 75 123 45" + i, "Mauvais*code_1");
            unknownTimes.add(System.nanoTime() - t0);
            t0 = System.nanoTime();
            wrong = login(c, GARCIA.nir(), "Mauvais*code_" + i);
            wrongTimes.add(System.nanoTime() - t0);
        }
        assertEquals(unknown.status(), wrong.status());
        assertEquals("Numéro de sécurité sociale ou code personnel incorrect.", unknown.globalErrors("connexion"));
        assertEquals(unknown.globalErrors("connexion"), wrong.globalErrors("connexion"));
        double ratio = (double) median(unknownTimes) / median(wrongTimes);
        assertTrue(ratio > 0.6 && ratio < 1.6, "both spend the hashing time: " + unknownTimes + " vs " + wrongTimes);
        assertEquals("Mon espace", login(c, GARCIA.nir(), CODE).h1(), "and a success resets the count");
    }

    // ---- Standing under attack (issue 28 §1): hashes and slow bodies hold nothing

    /** The request as sent from {@code address}, as the trusted reverse proxy says it (X-Forwarded-For). */
    private static HttpRequest from(String address, HttpRequest request) {
        return HttpRequest.newBuilder(request, (name, value) -> true).header("X-Forwarded-For", address).build();
    }

    /** A well-formed NIR (with its key) that no register holds: 1 80 01 75 123 nnn. */
    private static String strangerNir(int n) {
        String digits = "18001751" + String.format("%05d", 23000 + n);
        return digits + String.format("%02d", 97 - new java.math.BigInteger(digits).mod(java.math.BigInteger.valueOf(97)).intValue());
    }

    @Test
    void a_flood_of_logins_from_one_address_gets_the_busy_page_at_once_beyond_its_share_and_others_log_in_as_usual() throws Exception {
        FormClient attacker = client();
        FormClient.Page login = attacker.get("index.xhtml");
        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            flood.add(attacker.http.sendAsync(from("203.0.113.66", attacker.post(login, "connexion", "connexion:connecter",
                    Map.of("connexion:nir", strangerNir(i), "connexion:code", "Mauvais*code_1"))), HttpResponse.BodyHandlers.ofString()));
        }
        // Meanwhile a person from another address: a wrong code is answered as usual, never « très demandé ».
        FormClient person = client();
        FormClient.Page answer = person.submit(person.get("index.xhtml"), "connexion", "connexion:connecter",
                Map.of("connexion:nir", GARCIA.nir(), "connexion:code", "Autre*code_22"));
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : flood) {
            HttpResponse<String> r = f.get();
            statuses.add(r.statusCode());
            if (r.statusCode() == 503) {
                assertEquals(Optional.of("10"), r.headers().firstValue("Retry-After"));
                assertTrue(r.body().contains("<h1>Le service est très demandé</h1>") && r.body().contains("réessayez dans quelques instants"), r.body());
            } else {
                assertEquals(200, r.statusCode(), r.body());
            }
        }
        assertAll(
                () -> assertEquals("Numéro de sécurité sociale ou code personnel incorrect.", answer.globalErrors("connexion"), answer.body()),
                () -> assertTrue(statuses.stream().filter(s -> s == 503).count() >= 8,
                        "beyond its share of 8 hashes at once, the flood is refused at once: " + statuses),
                () -> assertTrue(statuses.contains(200), "its share is answered as any wrong login: " + statuses));
    }

    @Test
    void logins_with_an_unreadable_nir_cost_a_hash_each_so_they_count_for_their_address_like_wrong_codes() {
        FormClient c = client();
        List<String> said = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            FormClient.Page login = c.get("index.xhtml");
            FormClient.Page answer = c.follow(c.send(from("203.0.113.77", c.post(login, "connexion", "connexion:connecter",
                    Map.of("connexion:nir", "pas un NIR " + i, "connexion:code", "Mauvais*code_1")))));
            said.add(answer.globalErrors("connexion"));
        }
        assertEquals(List.of("Numéro de sécurité sociale ou code personnel incorrect."), said.subList(0, 4).stream().distinct().toList());
        assertTrue(said.get(5).startsWith("Par sécurité, après plusieurs codes erronés"), said.toString());
        FormClient.Page elsewhere = c.submit(c.get("index.xhtml"), "connexion", "connexion:connecter",
                Map.of("connexion:nir", "pas un NIR", "connexion:code", "Mauvais*code_1"));
        assertEquals("Numéro de sécurité sociale ou code personnel incorrect.", elsewhere.globalErrors("connexion"), "from another address");
    }

    @Test
    void forms_sent_a_byte_at_a_time_hold_no_turn_of_the_service_and_end_at_their_deadline() throws Exception {
        // More slow bodies than the service has turns (4 per core): each would take one while it trickles.
        int slow = 4 * Runtime.getRuntime().availableProcessors() + 4;
        List<java.net.Socket> sockets = new ArrayList<>();
        List<java.io.InputStream> answers = new ArrayList<>();
        try {
            for (int i = 0; i < slow; i++) {
                java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort());
                socket.setSoTimeout(30_000);
                String head = "POST " + base.getPath() + "index.xhtml HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 2000000\r\n\r\nconnexion=connexion&";
                socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                sockets.add(socket);
                answers.add(socket.getInputStream());
            }
            long start = System.nanoTime();
            // A byte a second on each, past the 10-second deadline; in the first seconds a person opens a page and sends a form.
            for (int second = 0; second < 12; second++) {
                for (java.net.Socket socket : sockets) {
                    if (!socket.isOutputShutdown()) {
                        try {
                            socket.getOutputStream().write('a');
                            socket.getOutputStream().flush();
                        } catch (java.io.IOException answeredAndClosed) {
                            socket.shutdownOutput();
                        }
                    }
                }
                if (second < 3) {
                    FormClient person = client();
                    long asked = System.nanoTime();
                    FormClient.Page answer = person.submit(person.get("code-oublie.xhtml"), "oubli", "oubli:envoyer",
                            Map.of("oubli:nir", "", "oubli:naissance", ""));
                    long took = Duration.ofNanos(System.nanoTime() - asked).toMillis();
                    assertEquals(200, answer.status(), answer.body());
                    assertTrue(took < 5_000, "answered while " + slow + " bodies trickle: " + took + " ms");
                }
                Thread.sleep(1000);
            }
            // Each trickle is ended at its deadline: 408, and the connection closed.
            List<String> ended = new ArrayList<>();
            for (java.io.InputStream in : answers) {
                ended.add(new String(in.readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII));
            }
            assertEquals(List.of("HTTP/1.1 408"), ended.stream().distinct().toList());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 25, "ended within its deadline");
        } finally {
            for (java.net.Socket socket : sockets) {
                socket.close();
            }
        }
    }

    // ---- Double submissions

    @Test
    void twenty_clicks_at_once_on_the_last_step_create_one_account_and_send_one_mail() throws Exception {
        FormClient c = client();
        FormClient.Page contactStep = toContactStep(c, LAMBERT);
        HttpRequest post = c.post(contactStep, "coordonnees", "coordonnees:continuer", contact("lambert@example.fr"));
        List<CompletableFuture<HttpResponse<String>>> clicks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clicks.add(c.http.sendAsync(post, HttpResponse.BodyHandlers.ofString()));
        }
        List<String> where = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> click : clicks) {
            HttpResponse<String> r = click.get();
            // One address has 16 requests at once at most (ameli.requests.per-address): beyond, « très demandé » at once.
            boolean veryBusy = r.statusCode() == 503 && r.body().contains("Le service est très demandé");
            assertTrue(r.statusCode() < 500 || veryBusy, r.statusCode() + ": " + r.body());
            where.add(r.statusCode() + " " + r.headers().firstValue("Location").orElse(veryBusy ? "très demandé" : ""));
        }
        assertEquals(1, where.stream().filter(w -> w.contains("courriel-envoye")).count(), where.toString());
        assertEquals(List.of(), where.stream().filter(w -> !(w.contains("courriel-envoye") || w.contains("demande-en-cours")
                || w.contains("session-expiree") || w.contains("très demandé"))).toList(), "the others are told plainly: " + where);
        awaitMail("lambert@example.fr", 20_000);
        Thread.sleep(3000);
        assertEquals(1, mailsTo("lambert@example.fr").size(), "one mail");
        FormClient.Page again = client().get("creation/identite.xhtml");
        FormClient again2 = client();
        FormClient.Page identity = again2.submit(again2.get("creation/identite.xhtml"), "identite", "identite:continuer", identity(LAMBERT));
        assertTrue(identity.globalErrors("identite").startsWith("Un compte est déjà en attente d'activation"), identity.body());
        assertEquals(200, again.status());
    }

    // ---- The mail outbox

    @Test
    void with_the_smtp_relay_down_the_mail_waits_and_leaves_once_it_is_back() throws Exception {
        smtp.stop();
        try {
            FormClient c = client();
            FormClient.Page sent = c.submit(toContactStep(c, FONTAINE), "coordonnees", "coordonnees:continuer", contact("anne@example.fr"));
            assertEquals("Un courriel vous a été envoyé", sent.h1(), "the person is not kept waiting by the relay");
            Thread.sleep(3000);
        } finally {
            smtp = smtpServer();
        }
        MimeMessage mail = awaitMail("anne@example.fr", 30_000);
        assertEquals("Activez votre compte ameli", mail.getSubject());
        Thread.sleep(2000);
        assertEquals(1, mailsTo("anne@example.fr").size(), "sent once");
    }

    private static final Person ROUSSEAU = new Person("Rousseau", "2 78 08 44 109 261", "08/08/1978", "44000", "2739226", "68906152120");

    @Test
    void a_pending_account_s_owner_is_told_to_activate_and_offered_a_new_mail_only_after_a_correct_code() throws Exception {
        FormClient c = client();
        c.submit(toContactStep(c, ROUSSEAU), "coordonnees", "coordonnees:continuer", contact("elodie@example.fr"));
        String oldLink = MailLinks.activationPath(awaitMail("elodie@example.fr", 20_000));

        FormClient.Page wrong = login(client(), ROUSSEAU.nir(), "Mauvais*code_1");
        assertEquals("Numéro de sécurité sociale ou code personnel incorrect.", wrong.globalErrors("connexion"));
        assertFalse(wrong.body().contains("connexion:renvoyer"), "no offer without the right code");

        FormClient owner = client();
        FormClient.Page pending = login(owner, ROUSSEAU.nir(), CODE);
        assertTrue(pending.globalErrors("connexion").startsWith("Votre compte n'est pas encore activé"), pending.body());
        assertTrue(pending.body().contains("connexion:renvoyer"), "the offer of a new mail");

        // A cross-site link carrying the form's fields and a ViewState (the session cookie goes with a link): no button is pressed.
        java.net.http.HttpResponse<String> byGet = owner.send(java.net.http.HttpRequest.newBuilder(URI.create(base
                + "index.xhtml?connexion=connexion&connexion%3Arenvoyer=x&jakarta.faces.ViewState=stateless")).GET().build());
        assertEquals(400, byGet.statusCode(), "only a POST acts");
        // A cross-site POST lacks the login page's token (its cookie is SameSite): refused as a forged login is.
        FormClient.Page forgedPost = owner.submit(pending, "connexion", "connexion:renvoyer", Map.of("jeton", "x".repeat(43)));
        assertTrue(forgedPost.globalErrors("connexion").startsWith("La page de connexion a expiré."), forgedPost.body());
        Thread.sleep(1_000);
        assertEquals(1, mailsTo("elodie@example.fr").size(), "neither sent a mail");

        FormClient.Page sent = owner.submit(pending, "connexion", "connexion:renvoyer", Map.of());
        assertEquals("Un courriel vous a été envoyé", sent.h1(), sent.body());

        long deadline = System.currentTimeMillis() + 20_000;
        while (mailsTo("elodie@example.fr").size() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        List<MimeMessage> mails = mailsTo("elodie@example.fr");
        assertEquals(2, mails.size());
        String newLink = MailLinks.activationPath(mails.get(1));
        assertTrue(client().get(oldLink).text().contains("Ce lien d'activation n'est pas reconnu."), "the old link stops working");
        assertTrue(MailLinks.activate(client(), newLink).text().contains("Votre compte ameli est activé."));
    }

    /**
     * The passkey login's door (PRODUCT §2.1): only POST; its options carry a challenge of this session and
     * ask for user verification; an answer that is garbage, or comes without the session that got the
     * challenge, goes back to the login page saying it failed — never an error page.
     */
    @Test
    void the_passkey_door_gives_a_challenge_by_post_only_and_sends_any_bad_answer_back_to_the_login_page() throws Exception {
        FormClient c = client();
        HttpRequest.Builder door = HttpRequest.newBuilder(URI.create(base + "connexion/cle-acces"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        assertEquals(405, c.send(HttpRequest.newBuilder(URI.create(base + "connexion/cle-acces")).GET().build()).statusCode());
        HttpResponse<String> options = c.send(door.copy().POST(HttpRequest.BodyPublishers.ofString("etape=options")).build());
        assertEquals(200, options.statusCode());
        assertTrue(options.body().matches("\\{\"challenge\":\"[A-Za-z0-9_-]{43}\",\"rpId\":\"[^\"]+\",\"timeout\":300000,"
                + "\"userVerification\":\"required\",\"allowCredentials\":\\[]}"), options.body());
        assertEquals("no-store", options.headers().firstValue("Cache-Control").orElse(""));
        for (String answer : List.of("reponse=", "reponse=%7B%7D", "reponse=" + "x".repeat(30_000), "reponse=%7B%22id%22%3A%22AAAA%22%7D")) {
            HttpResponse<String> refused = c.send(door.copy().POST(HttpRequest.BodyPublishers.ofString(answer)).build());
            assertEquals(302, refused.statusCode(), answer);
            assertTrue(refused.headers().firstValue("Location").orElse("").endsWith("/index.xhtml?cle-acces=echec"), answer);
        }
        FormClient stranger = client();
        HttpResponse<String> withoutSession = stranger.send(door.copy().POST(HttpRequest.BodyPublishers.ofString("reponse=%7B%7D")).build());
        assertTrue(withoutSession.headers().firstValue("Location").orElse("").endsWith("/index.xhtml?cle-acces=echec"));
        FormClient.Page page = stranger.get("index.xhtml?cle-acces=echec");
        assertTrue(page.text().contains("La connexion avec cette clé d'accès n'a pas abouti."), page.text());
    }

    // ---- Hostile input

    record Hostile(String step, String field, String value) {
    }

    private static final String LONG = "A".repeat(5000);

    private static List<Hostile> hostileInputs() {
        List<Hostile> all = new ArrayList<>();
        for (String v : List.of(LONG, "<script>alert(1)</script>", "Robert'); DROP TABLE account;--", "\u0000TOTO", "   ", "",
                "Τοτο", "東京", "TOTO\r\nX-Injected: 1", "TOTO\u202E", "😀", "${7*7}", "#{creation.cancel()}")) {
            all.add(new Hostile("identite", "identite:nom", v));
        }
        for (String v : List.of("", "   ", "2281231815001' OR '1'='1", "2 28 12 31 815 0O1", "2281231815001" + "9".repeat(3000),
                "<b>2281231815001</b>", "２２８１２３１８１５００１", "228123181500199", "328123181500110", "2281231815001\u0000")) {
            all.add(new Hostile("identite", "identite:nir", v));
        }
        for (String v : List.of("31/02/1928", "00/00/0000", "03/12/2999", "1928-12-03", "03/12/28", "32/13/1928",
                "03/12/1928<script>", "", "\t", "99999999999999999999")) {
            all.add(new Hostile("identite", "identite:naissance", v));
        }
        for (String v : List.of("3147", "314700", "ABCDE", "31 47O", "00000", "' OR 1=1--", "")) {
            all.add(new Hostile("identite", "identite:codePostal", v));
        }
        for (String v : List.of("391017", "39101734", "391O173", "3910173;", "", LONG, "<svg/onload=alert(1)>")) {
            all.add(new Hostile("verification", "verification:iban", v));
        }
        for (String v : List.of("0164731424", "016473142445", "ABCDEFGHIJK", "", "０１６４７３１４２４４")) {
            all.add(new Hostile("verification", "verification:vitale", v));
        }
        for (String v : List.of("peut-être", "oui' OR '1'='1", "")) {
            all.add(new Hostile("conditions", "conditions:choix", v));
        }
        for (String v : List.of(LONG, "Abc def*12", "Abcdéfgh*1", "\u0000Abcdefg*1", "", "Abc\tdef*12")) {
            all.add(new Hostile("codePersonnel", "codePersonnel:code", v));
        }
        for (String v : List.of("pas-une-adresse", "a@b", "a".repeat(300) + "@example.fr", "toto@example.fr\r\nBcc: x@example.org",
                "<script>@example.fr", "", "toto@exa mple.fr")) {
            all.add(new Hostile("coordonnees", "coordonnees:email", v));
        }
        for (String v : List.of("0512345678", "+44 7700 900123", "06123456789012", "06 12 34 56 7a", LONG)) {
            all.add(new Hostile("coordonnees", "coordonnees:mobile", v));
        }
        for (String v : List.of("0612345678", "08 00 00 00 00", "<b>0561123456</b>")) {
            all.add(new Hostile("coordonnees", "coordonnees:fixe", v));
        }
        for (String v : List.of("peut-être", "")) {
            all.add(new Hostile("coordonnees", "coordonnees:promotions", v));
        }
        return all;
    }

    private static final Map<String, String> BUTTONS = Map.of("identite", "identite:continuer", "verification", "verification:valider",
            "conditions", "conditions:continuer", "codePersonnel", "codePersonnel:continuer", "coordonnees", "coordonnees:continuer");

    @Test
    void hostile_input_in_every_field_gets_a_french_message_at_its_field_and_stores_nothing() throws Exception {
        List<Hostile> inputs = hostileInputs();
        assertTrue(inputs.size() >= 50, inputs.size() + " hostile inputs");
        FormClient c = client();
        Map<String, Map<String, String>> valid = new HashMap<>();
        valid.put("identite", identity(BENALI));
        valid.put("verification", proof(BENALI));
        valid.put("conditions", TERMS);
        valid.put("codePersonnel", CODES);
        valid.put("coordonnees", new HashMap<>(contact("benali@example.fr")));
        valid.get("coordonnees").put("coordonnees:mobileAppels", "non");
        valid.get("coordonnees").put("coordonnees:mobileSms", "non");
        valid.get("coordonnees").put("coordonnees:fixeAppels", "non");

        FormClient.Page page = c.get("creation/identite.xhtml");
        String step = "identite";
        List<String> problems = new ArrayList<>();
        for (Hostile h : inputs) {
            while (!h.step().equals(step)) {
                page = c.submit(page, step, BUTTONS.get(step), valid.get(step));
                step = nextStep(step);
                assertTrue(page.hasForm(step), "reached " + step + ": " + page.body());
            }
            Map<String, String> fields = new HashMap<>(valid.get(step));
            fields.put(h.field(), h.value());
            FormClient.Page answer = c.submit(page, step, BUTTONS.get(step), fields);
            String error = answer.fieldError(h.field());
            String shown = h.field() + " = " + printable(h.value());
            if (answer.status() != 200) {
                problems.add(shown + ": status " + answer.status());
            } else if (!answer.hasForm(step)) {
                problems.add(shown + ": accepted, went to " + answer.uri());
            } else if (error.isEmpty() || !error.matches("(?s).*[a-zàâçéèêëîïôûù].*") || error.contains("Exception")
                    || error.contains("Validation Error") || error.contains(h.field())) {
                problems.add(shown + ": no French message at the field, got « " + error + " »");
            } else if (answer.body().contains("<script>alert") || answer.body().contains("<svg/onload")) {
                problems.add(shown + ": markup reflected");
            }
            page = answer;
        }
        assertEquals(List.of(), problems);

        assertTrue(mailsTo("benali@example.fr").isEmpty(), "no mail: nothing was created");
        FormClient fresh = client();
        FormClient.Page identity = fresh.submit(fresh.get("creation/identite.xhtml"), "identite", "identite:continuer", identity(BENALI));
        assertEquals("Accédez immédiatement à votre compte", identity.h1(), "no account was stored for Benali");

        for (String[] login : List.of(new String[]{"' OR 1=1--", CODE}, new String[]{TOTO.nir(), LONG},
                new String[]{"<script>", "<script>"}, new String[]{"", ""})) {
            FormClient.Page refused = login(client(), login[0], login[1]);
            assertEquals(200, refused.status());
            assertEquals("J'accède à mon compte ameli", refused.h1());
        }
    }

    private static final Person NGUYEN = new Person("Nguyen", "2 88 06 94 028 742", "18/06/1988", "94000", "5051195", "59894870958");

    /** PRODUCT §2.11: the fields of « Modifier mon code personnel » and « Clôturer mon compte » take anything without a 500 and change nothing. */
    @Test
    void hostile_input_in_the_fields_of_mon_espace_gets_a_french_message_at_its_field_and_changes_nothing() throws Exception {
        FormClient c = client();
        c.submit(toContactStep(c, NGUYEN), "coordonnees", "coordonnees:continuer", contact("nguyen@example.fr"));
        assertTrue(MailLinks.activate(c, awaitMail("nguyen@example.fr", 20_000)).text().contains("Votre compte ameli est activé."));
        assertEquals("Mon espace", login(c, NGUYEN.nir(), CODE).h1());
        List<String> hostile = List.of(LONG, "<script>alert(1)</script>", "Robert'); DROP TABLE account;--", "\u0000x", "   ", "",
                "東京", "x\r\nX-Injected: 1", "😀", "#{codeChangePage.submit()}");
        List<String> problems = new ArrayList<>();
        // The new code first, with the right current one (each right one resets the count of wrong ones) …
        for (String value : hostile) {
            for (String field : List.of("codePersonnel:code", "codePersonnel:confirmation")) {
                Map<String, String> fields = new HashMap<>(Map.of("codePersonnel:actuel", CODE, "codePersonnel:code", "Vosges*Rhin_88",
                        "codePersonnel:confirmation", "Vosges*Rhin_88"));
                fields.put(field, value);
                checkAnswer(c.submit(c.get("espace/code-personnel.xhtml"), "codePersonnel", "codePersonnel:valider", fields),
                        "codePersonnel", field, value, problems);
            }
        }
        // … then the current one, on both pages (wrong ones lock this address after five: the lock is said at the field too).
        for (String value : hostile) {
            checkAnswer(c.submit(c.get("espace/code-personnel.xhtml"), "codePersonnel", "codePersonnel:valider", Map.of(
                    "codePersonnel:actuel", value, "codePersonnel:code", "Vosges*Rhin_88", "codePersonnel:confirmation", "Vosges*Rhin_88")),
                    "codePersonnel", "codePersonnel:actuel", value, problems);
            checkAnswer(c.submit(c.get("espace/cloture.xhtml"), "cloture", "cloture:cloturer",
                    Map.of("cloture:actuel", value, "cloture:confirmer", "true")), "cloture", "cloture:actuel", value, problems);
        }
        assertEquals(List.of(), problems);
        FormClient.Page space = c.get("espace/index.xhtml");
        assertEquals("Mon espace", space.h1(), "still logged in: the account was neither closed nor its code changed");
        // PRODUCT §2.12: a person's session does not open the espace agent, whatever the page.
        for (String agentPage : List.of("agent/index.xhtml", "agent/journal.xhtml", "agent/registre.xhtml")) {
            FormClient.Page refused = c.get(agentPage);
            assertEquals(403, refused.status(), agentPage);
            assertEquals("Page introuvable", refused.h1(), agentPage);
        }
        assertTrue(mailsTo("nguyen@example.fr").stream().noneMatch(m -> {
            try {
                return m.getSubject().contains("modifié") || m.getSubject().contains("clôturé");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }), "no mail of a change");
    }

    /** PRODUCT §2.12: without ameli.agent.oidc.* (this deployment), the espace agent says it is not set up, and its login goes nowhere. */
    @Test
    void without_its_provider_the_espace_agent_says_it_is_not_set_up() {
        FormClient c = client();
        FormClient.Page page = c.get("agent/index.xhtml");
        assertEquals("Espace agent – connexion", page.h1(), "a page of /agent/ leads to the agents' login page");
        assertTrue(page.text().contains("L'espace agent n'est pas configuré sur ce serveur."), page.text());
        assertEquals(404, c.get("agent/oidc/connexion").status());
        assertEquals(404, c.get("agent/oidc/retour?code=forged&state=forged").status());
    }

    private static final Person ZIMMER = new Person("Zimmer", "152059036613242", "18/05/1952", "90468", "9812791", "81762528070");

    /** PRODUCT §2.11: « Télécharger mes données » gives a file, only after the code personnel again; hostile codes get a message. */
    @Test
    void the_data_download_is_a_file_given_only_after_the_code_personnel_again() throws Exception {
        FormClient c = client();
        c.submit(toContactStep(c, ZIMMER), "coordonnees", "coordonnees:continuer", contact("zimmer@example.fr"));
        assertTrue(MailLinks.activate(c, awaitMail("zimmer@example.fr", 20_000)).text().contains("Votre compte ameli est activé."));
        assertEquals("Mon espace", login(c, ZIMMER.nir(), CODE).h1());
        Thread.sleep(1_100); // The login is « old » after a second in this deployment: the code is asked.
        List<String> problems = new ArrayList<>();
        for (String value : List.of("", LONG, "<script>alert(1)</script>", "#{myDataPage.downloadJson()}")) {
            checkAnswer(c.submit(c.get("espace/mes-donnees.xhtml"), "donnees", "donnees:json", Map.of("donnees:codeActuel", value)),
                    "donnees", "donnees:codeActuel", value, problems);
        }
        assertEquals(List.of(), problems);
        FormClient.Page file = c.submit(c.get("espace/mes-donnees.xhtml"), "donnees", "donnees:json", Map.of("donnees:codeActuel", CODE));
        assertEquals(200, file.status());
        assertEquals("attachment; filename=\"mes-donnees-ameli.json\"", file.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("no-store", file.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(file.headers().firstValue("Content-Security-Policy").isPresent(), "the security headers stay");
        assertTrue(file.body().matches("(?s).*\"nom\":\\s*\"ZIMMER\".*") && file.body().contains("zimmer@example.fr"), file.body());
        FormClient.Page page = c.submit(c.get("espace/mes-donnees.xhtml"), "donnees", "donnees:html", Map.of("donnees:codeActuel", CODE));
        assertEquals("attachment; filename=\"mes-donnees-ameli.html\"", page.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(page.body().contains("<h1>Mes données du compte ameli</h1>"), page.body());
        assertEquals("J'accède à mon compte ameli", client().get("espace/mes-donnees.xhtml").h1(), "only after a login");
    }

    private static final Person XAVIER = new Person("Xavier", "138082844052135", "08/08/1938", "28876", "4900307", "29822290044");

    /** PRODUCT §2.10: « Cet appareil m'appartient » gives a cookie no script reads, no other site sends, for 30 days; then no security code. */
    @Test
    void a_remembered_browser_gets_a_strict_http_only_cookie_for_thirty_days_and_then_no_security_code() throws Exception {
        FormClient c = client();
        c.submit(toContactStep(c, XAVIER), "coordonnees", "coordonnees:continuer", contact("xavier@example.fr"));
        assertTrue(MailLinks.activate(c, awaitMail("xavier@example.fr", 20_000)).text().contains("Votre compte ameli est activé."));
        java.util.Set<String> before = MailLinks.securityCodeMailIds(smtp.getReceivedMessages());
        FormClient.Page codePage = c.submit(c.get(""), "connexion", "connexion:connecter",
                Map.of("connexion:nir", XAVIER.nir(), "connexion:code", CODE));
        HttpResponse<String> accepted = c.send(c.post(codePage, "codeSecurite", "codeSecurite:valider", Map.of(
                "codeSecurite:code", MailLinks.awaitSecurityCode(smtp::getReceivedMessages, before), "codeSecurite:memoriser", "true")));
        assertEquals(302, accepted.statusCode(), "logged in");
        List<String> browserCookies = accepted.headers().allValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("ameli-appareil-")).toList();
        assertEquals(1, browserCookies.size(), accepted.headers().allValues("Set-Cookie").toString());
        String cookie = browserCookies.get(0);
        assertCookie(cookie, "SameSite=Strict");
        assertTrue(cookie.contains("Max-Age=2592000"), cookie);
        c.get("espace/index.xhtml");
        FormClient.Page space = c.submit(c.get("espace/index.xhtml"), "espace", "espace:deconnecter", Map.of());
        assertEquals("J'accède à mon compte ameli", space.h1());
        long codesNow = MailLinks.securityCodeMails(smtp.getReceivedMessages());
        FormClient.Page again = c.submit(c.get(""), "connexion", "connexion:connecter", Map.of("connexion:nir", XAVIER.nir(), "connexion:code", CODE));
        assertEquals("Mon espace", again.h1(), "the remembered browser skips the security code");
        assertEquals(codesNow, MailLinks.securityCodeMails(smtp.getReceivedMessages()), "no code mailed");
        FormClient stranger = client();
        assertEquals("Saisissez le code de sécurité reçu par email", stranger.submit(stranger.get(""), "connexion", "connexion:connecter",
                Map.of("connexion:nir", XAVIER.nir(), "connexion:code", CODE)).h1(), "another browser still gives the code");
    }

    private static void checkAnswer(FormClient.Page answer, String form, String field, String value, List<String> problems) {
        String shown = field + " = " + printable(value);
        String error = answer.fieldError(field);
        if (answer.status() != 200) {
            problems.add(shown + ": status " + answer.status());
        } else if (!answer.hasForm(form)) {
            problems.add(shown + ": accepted, went to " + answer.uri());
        } else if (error.isEmpty() || !error.matches("(?s).*[a-zàâçéèêëîïôûù].*") || error.contains("Exception")) {
            problems.add(shown + ": no French message at the field, got « " + error + " »");
        } else if (answer.body().contains("<script>alert")) {
            problems.add(shown + ": markup reflected");
        }
    }

    private static final Person FABRE = new Person("Fabre", "172028716495861", "14/02/1972", "87138", "3786666", "50087547517");

    @Test
    void hostile_input_in_the_phone_numbers_of_mon_espace_gets_a_french_message_at_its_field_and_stores_nothing() throws Exception {
        assertEquals("J'accède à mon compte ameli", client().get("espace/coordonnees.xhtml").h1(), "only after a login");
        FormClient c = client();
        Map<String, String> withMobile = new HashMap<>(contact("franck.fabre@example.fr"));
        withMobile.putAll(Map.of("coordonnees:mobile", "06 12 34 56 78", "coordonnees:mobileAppels", "oui", "coordonnees:mobileSms", "non"));
        c.submit(toContactStep(c, FABRE), "coordonnees", "coordonnees:continuer", withMobile);
        MailLinks.activate(c, awaitMail("franck.fabre@example.fr", 20_000));
        assertEquals("Mon espace", login(c, FABRE.nir(), CODE).h1());
        FormClient.Page page = c.get("espace/coordonnees.xhtml");
        assertEquals("Mes numéros de téléphone et mes consentements", page.h1(), page.body());
        List<String> problems = new ArrayList<>();
        for (String field : List.of("telephones:mobile", "telephones:fixe")) {
            String otherKind = field.endsWith("mobile") ? "05 61 12 34 56" : "06 12 34 56 78";
            for (String v : List.of(LONG, "<script>alert(1)</script>", "0612345678'); DROP TABLE account;--", "\u00000612345678",
                    "06 12 34 56 7a", "+44 7700 900123", "06123456789012", "０６１２３４５６７８", "0612345678\r\nX-Injected: 1",
                    "${7*7}", "#{contactSettingsPage.give('EMAIL_PROMOTIONS')}", "😀", otherKind)) {
                Map<String, String> fields = new HashMap<>(Map.of("telephones:mobile", "06 12 34 56 78", "telephones:fixe", ""));
                fields.put(field, v);
                FormClient.Page answer = c.submit(page, "telephones", "telephones:enregistrer", fields);
                String error = answer.fieldError(field);
                String shown = field + " = " + printable(v);
                if (answer.status() != 200) {
                    problems.add(shown + ": status " + answer.status());
                } else if (!answer.hasForm("telephones") || answer.document().getElementById("confirmation") != null) {
                    problems.add(shown + ": accepted, " + answer.uri());
                } else if (!error.matches("Le numéro de téléphone (portable|fixe) n'est pas valide : saisissez 10 chiffres .*, par exemple 0\\d( \\d\\d){4}\\.")) {
                    problems.add(shown + ": not the wizard's message at the field, got « " + error + " »");
                } else if (answer.body().contains("<script>alert")) {
                    problems.add(shown + ": markup reflected");
                }
                page = answer;
            }
        }
        // A consent button the page does not show (no landline): a forged click does nothing.
        // (The mobile's consents are shown: their buttons are the person's own choice, not hostile input.)
        FormClient.Page forged = c.submit(c.get("espace/coordonnees.xhtml"), "consentements", "consentements:fixeAppels-accepter", Map.of());
        assertEquals(200, forged.status());
        assertEquals(List.of(), problems);

        FormClient.Page stored = c.get("espace/coordonnees.xhtml");
        assertAll("nothing was stored",
                () -> assertEquals("06 12 34 56 78", stored.document().getElementById("telephones:mobile").val()),
                () -> assertEquals("", stored.document().getElementById("telephones:fixe").val()),
                () -> assertEquals(null, stored.document().getElementById("consentements:fixeAppels"), "no landline consent"),
                () -> assertTrue(stored.document().getElementById("mobileAppels-etat").text().startsWith("Votre choix : Oui"),
                        "the mobile's consents as given at creation"),
                () -> assertTrue(stored.document().getElementById("mobileSms-etat").text().startsWith("Votre choix : Non")),
                () -> assertTrue(stored.document().getElementById("promotions-etat").text().startsWith("Votre choix : Non")));
    }

    // ---- Links a mail scanner cannot spend

    private static final Person CELIK = new Person("Çelik", "2 90 03 67 482 187", "11/03/1990", "67000", "6305786", "31284151553");
    private static final Person OCONNOR = new Person("O'Connor", "2 80 02 99 132 631", "04/02/1980", "75011", "7875340", "88345554003");

    /** What a mail scanner (Safe Links and the like) does with every link: HEAD then GET, no cookie, its own user agent. */
    private void scan(String path) throws Exception {
        HttpClient scanner = HttpClient.newHttpClient();
        for (String method : List.of("HEAD", "GET")) {
            HttpResponse<String> r = scanner.send(HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .header("User-Agent", "Mozilla/5.0 (compatible; link-scanner/1.0)").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), method + " " + path);
            assertTrue(r.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                    method + " " + path + " makes no session: " + r.headers().allValues("Set-Cookie"));
        }
    }

    @Test
    void a_scanner_s_head_and_get_spend_no_activation_link_and_the_person_s_post_activates_once() throws Exception {
        FormClient c = client();
        c.submit(toContactStep(c, CELIK), "coordonnees", "coordonnees:continuer", contact("celik@example.fr"));
        String link = MailLinks.activationPath(awaitMail("celik@example.fr", 20_000));
        scan(link);
        scan("activation.xhtml?jeton=" + "B".repeat(43));
        scan("activation.xhtml?jeton=inconnu");

        FormClient person = client();
        FormClient.Page opened = person.get(link);
        assertTrue(opened.text().contains("Activez votre compte ameli"), opened.text());
        assertTrue(login(client(), CELIK.nir(), CODE).globalErrors("connexion").startsWith("Votre compte n'est pas encore activé"),
                "after the scanner and the person's GET, the account still waits");
        FormClient.Page activated = person.submit(opened, "activation", "activation:activer", Map.of());
        assertTrue(activated.text().contains("Votre compte ameli est activé."), activated.text());
        assertEquals(null, person.sessionId(), "neither the GET nor the POST made a session");
        FormClient.Page again = person.submit(opened, "activation", "activation:activer", Map.of());
        assertTrue(again.text().contains("Ce lien d'activation a déjà été utilisé."), again.text());
        assertEquals(1, mailsTo("celik@example.fr").size(), "one mail: the scan asked for nothing");
        assertEquals("Mon espace", login(client(), CELIK.nir(), CODE).h1(), "activated once");
    }

    @Test
    void a_scanner_s_head_and_get_spend_no_code_reset_link_and_the_person_s_post_sets_the_code_once() throws Exception {
        FormClient c = client();
        c.submit(toContactStep(c, OCONNOR), "coordonnees", "coordonnees:continuer", contact("siobhan@example.fr"));
        MailLinks.activate(c, awaitMail("siobhan@example.fr", 20_000));
        smtp.purgeEmailFromAllMailboxes();
        FormClient asking = client();
        FormClient.Page forgotten = asking.get("code-oublie.xhtml");
        asking.submit(forgotten, "oubli", "oubli:envoyer", Map.of("oubli:nir", OCONNOR.nir(), "oubli:naissance", OCONNOR.birthDate()));
        String link = MailLinks.newCodePath(awaitMail("siobhan@example.fr", 20_000));
        scan(link);
        scan("nouveau-code.xhtml?jeton=" + "C".repeat(43));

        FormClient person = client();
        FormClient.Page opened = person.get(link);
        assertTrue(opened.body().contains("codePersonnel:code"), "the new-code form: " + opened.text());
        String newCode = "Nouveau*456_B";
        Map<String, String> codes = Map.of("codePersonnel:code", newCode, "codePersonnel:confirmation", newCode);
        FormClient.Page changed = person.submit(opened, "codePersonnel", "codePersonnel:valider", codes);
        assertTrue(changed.text().contains("Votre nouveau code personnel est enregistré."), changed.text());
        assertEquals(null, person.sessionId(), "neither the GET nor the POST made a session");
        FormClient.Page again = person.submit(opened, "codePersonnel", "codePersonnel:valider", codes);
        assertTrue(again.text().contains("Ce lien a déjà servi"), again.text());
        assertEquals("Mon espace", login(client(), OCONNOR.nir(), newCode).h1(), "the new code works");
        assertEquals("J'accède à mon compte ameli", login(client(), OCONNOR.nir(), CODE).h1(), "the old one does not");
    }

    // ---- « Modifier mon adresse email » (PRODUCT §2.11)

    private static final Person PAYET = new Person("Payet", "1 72 09 97 411 520", "01/09/1972", "97400", "5370873", "45937044023");

    @Test
    void hostile_input_in_the_email_change_gets_a_french_message_at_its_field_and_a_hostile_link_a_clear_page() throws Exception {
        FormClient c = client();
        c.submit(toContactStep(c, PAYET), "coordonnees", "coordonnees:continuer", contact("daniel@example.fr"));
        MailLinks.activate(c, awaitMail("daniel@example.fr", 20_000));
        FormClient owner = client();
        assertEquals("Mon espace", login(owner, PAYET.nir(), CODE).h1());
        Thread.sleep(1_100);
        FormClient.Page page = owner.get("espace/adresse-email.xhtml");
        assertEquals("Modifier mon adresse email", page.h1(), page.body());
        assertTrue(page.body().contains("adresseEmail:codeActuel"), "the code personnel asked again (every login is old here)");

        Map<String, String> valid = Map.of("adresseEmail:email", "daniel.payet@example.fr",
                "adresseEmail:emailConfirmation", "daniel.payet@example.fr", "adresseEmail:codeActuel", CODE);
        List<Hostile> inputs = new ArrayList<>();
        for (String v : List.of("pas-une-adresse", "a@b", "a".repeat(300) + "@example.fr", "daniel@example.fr\r\nBcc: x@example.org",
                "<script>alert(1)</script>@example.fr", "", "   ", "daniel@exa mple.fr", "\u0000daniel@example.fr", "daniel@例え.jp",
                "' OR '1'='1@example.fr", "#{emailChangePage.submit()}", LONG)) {
            inputs.add(new Hostile("adresseEmail", "adresseEmail:email", v));
            inputs.add(new Hostile("adresseEmail", "adresseEmail:emailConfirmation", v));
        }
        // Three wrong codes at most here: each one counts as a failed login (a fifth would lock this address).
        for (String v : List.of("", LONG, "<script>alert(1)</script>", "' OR 1=1--", "\u0000" + CODE)) {
            inputs.add(new Hostile("adresseEmail", "adresseEmail:codeActuel", v));
        }
        List<String> problems = new ArrayList<>();
        for (Hostile h : inputs) {
            Map<String, String> fields = new HashMap<>(valid);
            fields.put(h.field(), h.value());
            FormClient.Page answer = owner.submit(page, "adresseEmail", "adresseEmail:envoyer", fields);
            String error = answer.fieldError(h.field());
            String shown = h.field() + " = " + printable(h.value());
            if (answer.status() != 200) {
                problems.add(shown + ": status " + answer.status());
            } else if (!answer.hasForm("adresseEmail")) {
                problems.add(shown + ": accepted: " + answer.text());
            } else if (error.isEmpty() || !error.matches("(?s).*[a-zàâçéèêëîïôûù].*") || error.contains("Exception") || error.contains(h.field())) {
                problems.add(shown + ": no French message at the field, got « " + error + " »");
            } else if (answer.body().contains("<script>alert")) {
                problems.add(shown + ": markup reflected");
            }
            page = answer;
        }
        assertEquals(List.of(), problems);
        Thread.sleep(2_000);
        assertTrue(mailsTo("daniel.payet@example.fr").isEmpty(), "no link was sent: nothing was asked for");

        // The link a real request sends: a scanner's HEAD and GET spend nothing; hostile tokens get the clear
        // « not recognised » page; only the person's POST changes the address, once.
        FormClient.Page sent = owner.submit(page, "adresseEmail", "adresseEmail:envoyer", valid);
        assertTrue(sent.text().contains("Un courriel vient d'être envoyé à l'adresse daniel.payet@example.fr."), sent.text());
        String link = MailLinks.emailChangePath(awaitMail("daniel.payet@example.fr", 20_000));
        scan(link);
        FormClient person = client();
        FormClient.Page opened = person.get(link);
        assertTrue(opened.text().contains("Confirmez votre nouvelle adresse email"), opened.text());
        for (String token : List.of("", "A".repeat(43), LONG, "<script>alert(1)</script>", "' OR '1'='1", "\u0000", "%00", link.substring(link.indexOf('=') + 1) + "A")) {
            scan("confirmation-email.xhtml?jeton=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
            FormClient.Page refused = person.submit(opened, "confirmation", "confirmation:confirmer", Map.of("jeton", token));
            assertEquals(200, refused.status(), printable(token));
            assertTrue(refused.text().contains("Ce lien n'est pas reconnu."), printable(token) + ": " + refused.text());
            assertFalse(refused.body().contains("<script>alert"), "markup reflected");
        }
        assertTrue(login(client(), PAYET.nir(), CODE).text().contains("daniel@example.fr"), "the address has not changed yet");
        FormClient.Page confirmed = person.submit(opened, "confirmation", "confirmation:confirmer", Map.of());
        assertTrue(confirmed.text().contains("Votre nouvelle adresse email est enregistrée."), confirmed.text());
        assertEquals(null, person.sessionId(), "neither the GET nor the POST made a session");
        FormClient.Page again = person.submit(opened, "confirmation", "confirmation:confirmer", Map.of());
        assertTrue(again.text().contains("Ce lien a déjà servi"), again.text());
        assertTrue(login(client(), PAYET.nir(), CODE).text().contains("daniel.payet@example.fr"), "changed once confirmed");
    }

    private static String nextStep(String step) {
        return switch (step) {
            case "identite" -> "verification";
            case "verification" -> "conditions";
            case "conditions" -> "codePersonnel";
            case "codePersonnel" -> "coordonnees";
            default -> throw new IllegalStateException(step);
        };
    }

    private static String printable(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
        return "«" + shown.replaceAll("\\p{Cntrl}", "?") + "»";
    }

    // ---- Client errors (docs/SECURITY.md « Client errors »)

    /** What a raw HTTP/1.1 exchange gave back: status, headers (names in lower case), body. */
    record RawAnswer(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return String.join(", ", headers.getOrDefault(name, List.of()));
        }

        String h1() {
            return org.jsoup.Jsoup.parse(body).select("h1").text();
        }
    }

    /** The server log of this class's test server (target/payara-it-<fork>.log.0, or the generation being written). */
    private static java.nio.file.Path serverLog() throws Exception {
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("ameli.it.log"));
        String name = log.getFileName().toString();
        try (var files = java.nio.file.Files.list(log.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(name + "."))
                    .max(java.util.Comparator.comparingLong(f -> f.toFile().lastModified())).orElseThrow();
        }
    }

    /**
     * Sends exactly these bytes (java.net.http would not send a bad escape, a TRACE or a 20 MB body
     * as they are), the body from another thread, since the server may answer before reading it.
     */
    private RawAnswer raw(String method, String target, String headers, byte[] body, boolean chunked) throws Exception {
        String head = method + " " + base.getPath().replaceAll("/$", "") + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\n" + headers + (body == null ? "" : chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n")
                + "Connection: close\r\n\r\n";
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; body != null && i < body.length; i += 65536) {
                        int n = Math.min(65536, body.length - i);
                        out.write(chunked ? (Integer.toHexString(n) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII) : new byte[0]);
                        out.write(body, i, n);
                        out.write(chunked ? "\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII) : new byte[0]);
                    }
                    out.write(chunked ? "0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII) : new byte[0]);
                    out.flush();
                } catch (java.io.IOException e) {
                    // The server answered and closed before the end of the body: what a too large one gets.
                }
            });
            writer.start();
            var received = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (java.net.SocketException e) {
                // A reset after the answer (the unread body): what was received is the answer.
            }
            writer.join(10_000);
            String text = received.toString(java.nio.charset.StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertTrue(end > 0, method + " " + target + ": no answer: " + text);
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, List<String>> fields = new HashMap<>();
            for (String line : Arrays.asList(lines).subList(1, lines.length)) {
                int colon = line.indexOf(':');
                fields.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
            String rest = text.substring(end + 4);
            if (fields.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
                StringBuilder unchunked = new StringBuilder();
                for (int at = 0, eol; (eol = rest.indexOf("\r\n", at)) > at; ) {
                    int size = Integer.parseInt(rest.substring(at, eol).strip(), 16);
                    unchunked.append(rest, eol + 2, Math.min(rest.length(), eol + 2 + size));
                    at = eol + 2 + size + 2;
                    if (size == 0 || at >= rest.length()) {
                        break;
                    }
                }
                rest = unchunked.toString();
            }
            return new RawAnswer(Integer.parseInt(lines[0].split(" ")[1]), fields, rest);
        }
    }

    private static final String TOO_LARGE = "Le formulaire envoyé est trop volumineux";
    private static final String REFUSED = "Cette demande ne peut pas être traitée";
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded\r\n";

    private static void assertClientError(String what, RawAnswer answer, int status, String h1) {
        assertAll(what + ": " + answer.headers() + "\n" + answer.body(),
                () -> assertEquals(status, answer.status(), "status"),
                () -> assertEquals(h1, answer.h1(), "the French page"),
                () -> assertTrue(answer.header("content-security-policy").contains("frame-ancestors 'none'"), "the security headers"),
                () -> assertFalse(answer.body().contains("incident"), "no incident number"),
                () -> assertFalse(answer.body().contains("Exception") || answer.body().contains("Payara"), "no server detail"));
    }

    @Test
    void client_errors_get_their_status_and_a_french_page_and_the_log_one_line_without_stack_trace() throws Exception {
        java.nio.file.Path log = serverLog();
        long logBefore = java.nio.file.Files.size(log);
        FormClient c = client();
        FormClient.Page wizard = c.get("creation/identite.xhtml");
        String action = "/" + URI.create(base.toString()).relativize(wizard.uri().resolve(wizard.formAction("identite")));
        String session = "Cookie: JSESSIONID=" + c.sessionId() + "\r\n";
        String fields = "identite=identite&identite%3Acontinuer=x&jakarta.faces.ViewState=" + java.net.URLEncoder.encode(wizard.viewState(), java.nio.charset.StandardCharsets.UTF_8);

        // Over-large forms: a 20 MB login form, and a chunked one (no length said beforehand) over 2 MB.
        byte[] twentyMegabytes = ("connexion=connexion&connexion%3Anir=" + "1".repeat(20 * 1024 * 1024)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        RawAnswer large = raw("POST", "/", FORM, twentyMegabytes, false);
        assertClientError("a 20 MB login form", large, 413, TOO_LARGE);
        assertEquals("close", large.header("connection"), "the unread rest of the body ends the connection");
        assertClientError("a 3 MB chunked form", raw("POST", "/", FORM, new byte[3 * 1024 * 1024], true), 413, TOO_LARGE);
        // A small form of many tiny pairs: no more than 1,000 parameters are read into the maps.
        byte[] manyPairs = ("connexion=connexion" + "&a=".repeat(1_000)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertClientError("a form of 1,001 parameters", raw("POST", "/", FORM, manyPairs, false), 413, TOO_LARGE);
        // A multipart body (50 MB allowed on the register's upload page only) to any other page, anonymous or not.
        byte[] multipart = ("--x\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.csv\"\r\n\r\n" + "a".repeat(1000) + "\r\n--x--\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (String path : List.of("/", "/creation/identite.xhtml", "/code-oublie.xhtml")) {
            RawAnswer uploaded = raw("POST", path, "Content-Type: multipart/form-data; boundary=x\r\n", multipart, false);
            assertClientError("a multipart body to " + path, uploaded, 415, REFUSED);
            assertEquals("close", uploaded.header("connection"), path);
        }

        // Methods: PUT, DELETE, PATCH and unknown ones refused with Allow, OPTIONS tells them; TRACE is the server's refusal.
        for (String path : List.of("/", "/creation/identite.xhtml")) {
            for (String method : List.of("PUT", "DELETE", "PATCH", "PROPFIND")) {
                RawAnswer refused = raw(method, path, "", new byte[0], false);
                assertClientError(method + " " + path, refused, 405, REFUSED);
                assertEquals("GET, HEAD, POST, OPTIONS", refused.header("allow"), method + " " + path);
            }
            RawAnswer options = raw("OPTIONS", path, "", null, false);
            assertEquals(204, options.status(), "OPTIONS " + path);
            assertEquals("GET, HEAD, POST, OPTIONS", options.header("allow"), "OPTIONS " + path);
            assertEquals("", options.body(), "OPTIONS " + path);
            RawAnswer trace = raw("TRACE", path, "", null, false);
            assertEquals(405, trace.status(), "TRACE " + path);
            assertFalse(trace.header("allow").isEmpty(), "TRACE " + path + ": " + trace.headers());
            assertEquals("", trace.body(), "TRACE " + path + " echoes nothing");
        }

        // Malformed encodings: a bad %-escape, bytes that are not UTF-8, in the query or in the form.
        assertClientError("a bad escape in the query", raw("GET", "/creation/identite.xhtml?x=%zz", "", null, false), 400, REFUSED);
        assertClientError("not UTF-8 in the query", raw("GET", "/?x=%C3%28", "", null, false), 400, REFUSED);
        for (String name : List.of("%zz", "%C3%28", "Ren%E9e", "%")) {
            byte[] form = (fields + "&identite%3Anom=" + name).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertClientError("the name " + name + " in the form", raw("POST", action, session + FORM, form, false), 400, REFUSED);
        }

        // A forged ViewState (« stateless » posted to a page that keeps its state) is refused; a foreign one restarts.
        byte[] forged = "identite=identite&identite%3Acontinuer=x&jakarta.faces.ViewState=stateless".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertClientError("a forged ViewState", raw("POST", action, session + FORM, forged, false), 403, REFUSED);
        byte[] foreign = "identite=identite&identite%3Acontinuer=x&jakarta.faces.ViewState=-7%3A-7".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        RawAnswer restart = raw("POST", action, session + FORM, foreign, false);
        assertEquals(302, restart.status(), "a foreign ViewState reads as an expired page: " + restart.headers());
        assertTrue(restart.header("location").contains("session-expiree"), restart.headers().toString());

        // The same wizard still works: nothing of the above was taken for its input.
        FormClient.Page next = c.submit(wizard, "identite", "identite:continuer", identity(TOTO));
        assertEquals("Accédez immédiatement à votre compte", next.h1(), next.body());

        Thread.sleep(500);
        byte[] all = java.nio.file.Files.readAllBytes(serverLog());
        String written = log.equals(serverLog()) && all.length >= logBefore
                ? new String(all, (int) logBefore, all.length - (int) logBefore, java.nio.charset.StandardCharsets.UTF_8)
                : new String(all, java.nio.charset.StandardCharsets.UTF_8);
        List<String> warnings = written.lines().filter(l -> l.contains("Client error ")).toList();
        assertAll(written,
                () -> assertFalse(written.contains("Incident"), "no incident"),
                () -> assertFalse(written.contains("[SEVERE]"), "nothing severe"),
                () -> assertFalse(written.matches("(?s).*\\n\\s*at [a-z].*"), "no stack trace"),
                () -> assertFalse(written.contains("GRIZZLY0205") || written.contains("GRIZZLY0156"), "no line of the server's own"),
                // About twenty client errors from one address: one line a minute (two if the test spans a minute's turn).
                () -> assertTrue(!warnings.isEmpty() && warnings.size() <= 2, warnings.toString()),
                () -> assertTrue(warnings.stream().allMatch(l -> l.matches(".*Client error \\d{3} \\(\\w+\\) from \\S+ on .*")), "names the address"));
    }
}
