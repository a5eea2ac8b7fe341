package fr.ameli.compte.infrastructure.register;

import fr.ameli.compte.TestDeployments;
import fr.ameli.compte.domain.person.InsuredPerson;
import fr.ameli.compte.domain.person.InsuredPersonRepository;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real WAR in Payara Micro, started on an empty Derby database with the demo register on
 * and an extract holding good and bad rows (src/test/resources/registre-extrait.csv): the
 * start-up load, the idempotent reload, the JPA mapping and the schema
 * migrations, all against one server launch.
 *
 * <p>Here the database is the operator's: a JDBC resource {@code jdbc/ameli} that the server's
 * start-up file {@code payara-config/database-derby.asadmin} creates, named by
 * {@code ameli.datasource.jndi-name} (container {@code payara-micro-operator-pool} of
 * arquillian.xml). So every test of this class also shows that JPA, Flyway and the rest use it.
 */
@ExtendWith(ArquillianExtension.class)
class RegisterLoadingIT {

    private static final int DEMO_PERSONS = 22;
    private static final Nir TOTO = Nir.parse("2 28 12 31 815 001");

    /** The operator's JDBC resource, as payara-config/database-derby.asadmin names it. */
    private static final String OPERATOR_RESOURCE = "jdbc/ameli";

    @Deployment
    @TargetsContainer("payara-micro-operator-pool")
    static WebArchive deployment() {
        return TestDeployments.war("register", Map.of(
                "ameli.datasource.jndi-name", OPERATOR_RESOURCE,
                "ameli.registry.demo", "true",
                "ameli.registry.csv", System.getProperty("ameli.test.resources") + "/registre-extrait.csv"));
    }

    @Inject
    fr.ameli.compte.application.security.Pseudonyms pseudonyms;
    @Inject
    RegisterStartup startup;
    @Inject
    RegisterImport registerImport;
    @Inject
    InsuredPersonRepository register;
    @Inject
    AmeliConfig config;
    @Resource(lookup = OPERATOR_RESOURCE)
    DataSource operatorResource;

    @Test
    void the_demo_register_is_loaded_into_the_empty_register_at_first_start() {
        RegisterImportReport demo = startup.reports().get(0);
        assertEquals("demo", demo.source());
        assertEquals(DEMO_PERSONS, demo.inserted());
        assertTrue(demo.rejected().isEmpty(), () -> "demo rows rejected: " + demo.rejected());
    }

    @Test
    void the_configured_extract_loads_its_good_rows_and_reports_each_bad_row_with_its_line() {
        RegisterImportReport extract = extractReport();
        assertEquals(3, extract.inserted(), "DURAND, DA SILVA and BLANC are new");
        assertEquals(1, extract.updated(), "TOTO's address changed");
        Map<Integer, String> reasons = extract.rejected().stream()
                .collect(Collectors.toMap(RejectedRow::lineNumber, RejectedRow::reason));
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 10, 11, 13), reasons.keySet().stream().sorted().toList());
        assertTrue(reasons.get(4).startsWith("colonne nir"), reasons.get(4));
        assertTrue(reasons.get(5).startsWith("colonne date_naissance"), reasons.get(5));
        assertTrue(reasons.get(6).contains("8 colonnes"), reasons.get(6));
        assertTrue(reasons.get(7).startsWith("colonne code_postal"), reasons.get(7));
        assertTrue(reasons.get(8).startsWith("colonne iban"), reasons.get(8));
        assertTrue(reasons.get(9).contains("date de naissance"), reasons.get(9));
        assertTrue(reasons.get(10).startsWith("colonne nom"), reasons.get(10));
        assertTrue(reasons.get(11).contains("carte Vitale"), reasons.get(11));
        assertEquals("NIR déjà présent à la ligne 2 du fichier", reasons.get(13));

        assertEquals(DEMO_PERSONS + 3, register.count());
        assertTrue(register.find(Nir.parse("1 84 12 76 451 089")).isPresent());
        assertFalse(register.find(Nir.parse("2 55 08 14 168 025")).isEmpty());
    }

    private RegisterImportReport extractReport() {
        return startup.reports().stream()
                .filter(r -> r.source().endsWith("registre-extrait.csv"))
                .findFirst().orElseThrow(() -> new AssertionError("extract not loaded: " + startup.reports()));
    }

    @Test
    void loading_the_same_extract_again_changes_nothing() throws Exception {
        String csv = Files.readString(config.registryCsv().orElseThrow());
        RegisterImportReport again = registerImport.load("again", new StringReader(csv));
        assertEquals(0, again.inserted());
        assertEquals(0, again.updated());
        assertEquals(4, again.unchanged());
        assertEquals(9, again.rejected().size());
        assertEquals(DEMO_PERSONS + 3, register.count());
    }

    @Test
    void a_person_is_read_back_from_the_database_with_every_field_mapped() {
        InsuredPerson toto = register.find(TOTO).orElseThrow();
        assertEquals(TOTO, toto.nir());
        assertEquals("228123181500110", toto.nir().fullForm());
        assertEquals("TOTO", toto.familyName().value());
        assertEquals("Marie", toto.givenNames());
        assertEquals(LocalDate.of(1928, 12, 3), toto.birthDate());
        assertEquals("31470", toto.postalCode().value());
        assertEquals("Saint-Thomas", toto.city());
        assertEquals("4 rue de la Mairie", toto.address(), "updated by the extract");
        assertTrue(toto.isProvenBy(pseudonyms.proofOf(
                new fr.ameli.compte.domain.person.IbanTail("3910173"), new fr.ameli.compte.domain.person.VitaleSerialTail("01647314244"))),
                "the tails' keyed hashes, made with the service's key");
        assertTrue(toto.proof().ibanTailHash().matches("[0-9a-f]{64}"), "a hash, never the IBAN");
        assertFalse(toto.updatedAt().isAfter(java.time.Instant.now()));

        InsuredPerson corsican = register.find(Nir.parse("158042A00440910")).orElseThrow();
        assertEquals("SANTONI", corsican.familyName().value());
        assertNull(register.find(Nir.parse("1 99 01 75 123 456")).orElse(null));
    }

    @Test
    void schema_register_and_secret_key_are_in_the_operators_database_and_the_built_in_one_is_never_created() throws Exception {
        try (Connection c = operatorResource.getConnection(); Statement s = c.createStatement()) {
            assertEquals("Apache Derby", c.getMetaData().getDatabaseProductName());
            try (ResultSet rs = s.executeQuery("select \"version\", \"success\" from \"flyway_schema_history\" where \"version\" is not null order by \"installed_rank\"")) {
                assertTrue(rs.next(), "at least one migration applied");
                assertEquals("1", rs.getString(1));
                assertTrue(rs.getBoolean(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM insured_person")) {
                rs.next();
                assertEquals(register.count(), rs.getLong(1), "the persons JPA loaded");
                assertEquals(DEMO_PERSONS + 3, rs.getLong(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM service_secret")) {
                rs.next();
                assertEquals(1, rs.getLong(1), "the pseudonym key");
            }
        }
        Path operatorDatabase = Path.of(System.getenv("AMELI_DERBY_DATABASE"));
        assertTrue(Files.exists(operatorDatabase.resolve("service.properties")), "Derby files under " + operatorDatabase);
        Path builtIn = config.dataDir().resolve("derby");
        assertFalse(Files.exists(builtIn), "the built-in data source was opened: " + builtIn);
    }

    @Test
    @RunAsClient
    void the_login_page_answers_at_the_root_without_naming_the_server(@ArquillianResource URL base) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base.toString())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("J'accède à mon compte ameli") || page.body().contains("J&#39;accède à mon compte ameli"),
                page.body());
        assertTrue(page.headers().firstValue("Server").isEmpty(), "no Server header");
        assertTrue(page.headers().firstValue("X-Powered-By").isEmpty(), "no X-Powered-By header");
    }
}
