package fr.ameli.compte.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.currentLocationRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The whole journey of a person, as a browser does it, for distinct persons of the synthetic
 * register: the login page, « Créer un compte », the six wizard pages (each form posted with its
 * ViewState to its action, which carries the conversation id), the activation link read from the
 * mail, the activation, the login and « Mon espace ». 50 people at a time (a closed model: each
 * one who finishes is replaced), no think time. Two steps hash a code (the account's creation and
 * the login); every other step should be quick. Before it, 50 people at a time only create their
 * account (up to the mail sent): registrations per second against the hash-bound limit.
 */
public class JourneySimulation extends Simulation {

    static final String REGISTRATION = "07 coordonnées → compte créé (hachage)";
    static final String LOGIN = "11 connexion (hachage)";
    static final String SECURITY_CODE = "11b code de sécurité";
    static final String MY_SPACE = "12 mon espace";
    static final String CODE = "Banc*Essai_2024";

    static final int USERS = Integer.getInteger("bench.users", 50);
    static final Duration LENGTH = Duration.ofSeconds(Integer.getInteger("bench.journey-seconds", 120));

    private final Mailbox mailbox = new Mailbox(Integer.getInteger("bench.smtp-port"));

    private final HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("bench.base-url"))
            .disableWarmUp()
            .acceptEncodingHeader("gzip, deflate")
            .acceptHeader("text/html,application/xhtml+xml,*/*")
            // Each person from their own address, as seen through the reverse proxy (ameli.trusted-proxies).
            .header("X-Forwarded-For", "#{adresse}");

    /** The form of a page: where it posts (with ?cid=) and its ViewState. */
    private static CheckBuilder[] form(String formId) {
        return new CheckBuilder[]{
                status().is(200),
                regex("<form id=\"" + formId + "\"[^>]*action=\"([^\"]*)\"").transform(a -> a.replace("&amp;", "&")).saveAs("action"),
                regex("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").saveAs("viewState")};
    }

    private static HttpRequestActionBuilder post(String name, String formId, String button, String... fields) {
        HttpRequestActionBuilder request = http(name).post("#{action}")
                .formParam(formId, formId)
                .formParam("jakarta.faces.ViewState", "#{viewState}")
                .formParam(formId + ":" + button, "x");
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(formId + ":" + fields[i], fields[i + 1]);
        }
        return request;
    }

    private final Persons persons = new Persons(Path.of(System.getProperty("bench.register")));

    /**
     * Up to the account's creation (the mail leaves for the SMTP relay, unread); the requests'
     * names start with {@code phase}.
     */
    private ChainBuilder registration(String phase) {
        return feed(persons)
            .exec(http(phase + "01 page de connexion").get("/")
                    .check(status().is(200), regex("href=\"([^\"]*creation/identite\\.xhtml[^\"]*)\"").saveAs("creer")))
            .exec(http(phase + "02 créer un compte").get("#{creer}").check(form("identite")))
            .exec(post(phase + "03 identité", "identite", "continuer", "nom", "#{nom}", "nir", "#{nir}",
                    "naissance", "#{naissance}", "codePostal", "#{codePostal}")
                    .check(currentLocationRegex(".*/creation/verification\\.xhtml.*")).check(form("verification")))
            .exec(post(phase + "04 vérification", "verification", "valider", "iban", "#{iban}", "vitale", "#{vitale}")
                    .check(currentLocationRegex(".*/creation/conditions\\.xhtml.*")).check(form("conditions")))
            .exec(post(phase + "05 conditions", "conditions", "continuer", "choix", "oui")
                    .check(currentLocationRegex(".*/creation/code-personnel\\.xhtml.*")).check(form("codePersonnel")))
            .exec(post(phase + "06 code personnel", "codePersonnel", "continuer", "code", CODE, "confirmation", CODE)
                    .check(currentLocationRegex(".*/creation/coordonnees\\.xhtml.*")).check(form("coordonnees")))
            .exec(post(phase + REGISTRATION, "coordonnees", "continuer", "email", "#{email}", "emailConfirmation", "#{email}",
                    "promotions", "non")
                    .check(status().is(200), currentLocationRegex(".*/creation/courriel-envoye\\.xhtml.*")));
    }

    /** Waits (up to 30 s) for what {@code read} finds in the mail to the session's address, and keeps it as {@code key}. */
    private static ChainBuilder fromTheMail(String key, java.util.function.Function<String, String> read) {
        return exec(session -> session.set("essais", 0))
            .exec(asLongAs(session -> !session.contains(key) && session.getInt("essais") < 300).on(
                    exec(session -> {
                        String found = read.apply(session.getString("email"));
                        io.gatling.javaapi.core.Session tried = session.set("essais", session.getInt("essais") + 1);
                        return found == null ? tried : tried.set(key, found);
                    }).doIf(session -> !session.contains(key)).then(pause(Duration.ofMillis(100)))));
    }

    /** The whole journey; its requests' names start with {@code phase} (the warm-up's are reported apart). */
    private ChainBuilder journey(String phase) {
        return registration(phase)
            // The mail: read from the SMTP relay, as the person opens it.
            .exec(fromTheMail("lien", mailbox::activationLink))
            // Opening the link changes nothing (a mail scanner may open it first); « Activer mon compte » does.
            .exec(http(phase + "08 lien d'activation").get("#{lien}")
                    .check(status().is(200), regex("name=\"jeton\" value=\"([^\"]*)\"").saveAs("jetonActivation"))
                    .check(form("activation")))
            .exec(post(phase + "08b activer mon compte", "activation", "activer")
                    .formParam("jeton", "#{jetonActivation}")
                    .check(status().is(200), regex("Votre compte ameli est activé")))
            .exec(http(phase + "09 page de connexion").get("/")
                    .check(form("connexion"))
                    .check(regex("name=\"jeton\" value=\"([^\"]*)\"").saveAs("jeton")))
            .exec(post(phase + LOGIN, "connexion", "connecter", "nir", "#{nir}", "code", CODE)
                    .formParam("jeton", "#{jeton}")
                    .disableFollowRedirect()
                    .check(status().is(302), io.gatling.javaapi.http.HttpDsl.header("Location").saveAs("codePage")))
            // The login's second step: the security code, read from the mail as the person does.
            .exec(http(phase + "10b page du code de sécurité").get("#{codePage}").check(form("codeSecurite")))
            .exec(fromTheMail("codeSecurite", mailbox::securityCode))
            .exec(post(phase + SECURITY_CODE, "codeSecurite", "valider", "code", "#{codeSecurite}")
                    .disableFollowRedirect()
                    .check(status().is(302), io.gatling.javaapi.http.HttpDsl.header("Location").saveAs("espace")))
            .exec(http(phase + MY_SPACE).get("#{espace}")
                    .check(status().is(200), regex("<h1>Mon espace</h1>")));
    }

    /** Warm-up: 10 people for 20 s (the JIT compiles the pages), reported under « échauffement ». */
    static final String WARM_UP = "échauffement · ";
    /** Registrations only (no login): the ratio of registrations to the hash-bound limit. */
    static final String REGISTRATIONS_ONLY = "inscription · ";
    static final Duration REGISTRATIONS_LENGTH = Duration.ofSeconds(Integer.getInteger("bench.registration-seconds", 60));

    private final ScenarioBuilder warmUp = scenario("échauffement").exec(journey(WARM_UP));
    private final ScenarioBuilder registrations = scenario("inscription").exec(registration(REGISTRATIONS_ONLY));
    private final ScenarioBuilder people = scenario("création de compte").exec(journey(""));

    {
        setUp(warmUp.injectClosed(constantConcurrentUsers(10).during(Duration.ofSeconds(20)))
                .andThen(registrations.injectClosed(constantConcurrentUsers(USERS).during(REGISTRATIONS_LENGTH))
                        .andThen(people.injectClosed(constantConcurrentUsers(USERS).during(LENGTH)))))
                .protocols(protocol);
    }

    private long cpuAtStart;
    private long clockAtStart;

    @Override
    public void before() {
        mailbox.start();
        cpuAtStart = serviceProcessorMillis();
        clockAtStart = System.currentTimeMillis();
    }

    /** The service's processor time during the simulation, to the results. */
    @Override
    public void after() {
        try {
            var time = new BenchResults.ProcessorTime(cpuAtStart, clockAtStart, serviceProcessorMillis(), System.currentTimeMillis());
            ResultsFile.ofThisRun().update(r -> r.journeyProcessor = time);
        } finally {
            mailbox.stop();
        }
    }

    private static long serviceProcessorMillis() {
        try {
            return PayaraMicro.processorMillis(BenchSetup.runningServicePid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The register's persons, one per journey, with what each types (read as the file goes). */
    static final class Persons implements Iterator<Map<String, Object>> {

        private final BufferedReader csv;
        private int number;
        private String next;

        Persons(Path file) {
            try {
                csv = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                csv.readLine(); // header
                next = csv.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized boolean hasNext() {
            return next != null;
        }

        @Override
        public synchronized Map<String, Object> next() {
            if (next == null) {
                throw new NoSuchElementException("the register has no more persons");
            }
            String[] f = next.split(";", -1);
            try {
                next = csv.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int n = number++;
            return Map.of("nir", f[0].substring(0, 13), "nom", f[1], "naissance", f[3], "codePostal", f[4],
                    "iban", f[7].substring(f[7].length() - 7), "vitale", f[8].substring(f[8].length() - 11),
                    "email", "p" + f[0] + "@bench.example",
                    "adresse", "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255));
        }
    }
}
