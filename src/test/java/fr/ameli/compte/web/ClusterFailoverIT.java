package fr.ameli.compte.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.ameli.compte.TestDeployments;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Payara Micro nodes in one Hazelcast cluster, one PostgreSQL database and nginx in front,
 * started by the operators' script {@code payara-config/cluster/pair.sh} as it is: a person's
 * wizard survives the node that served it being killed (kill -9) mid-way, and the account and its
 * mail exist exactly once; a person logged in on one node is logged in on the other; the proof
 * throttle counts attempts made on either node.
 * Needs PostgreSQL ({@code -Dameli.it.postgresql}) and nginx: run by the PostgreSQL profile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final Path ROOT = Path.of(System.getProperty("ameli.payara.config")).getParent();
    private static final Path CLUSTER_DIR = Path.of(System.getProperty("ameli.it.dir"), "cluster");
    private static final int NODE_A = TestDeployments.freePort();
    private static final int NODE_B = TestDeployments.freePort();
    private static final int BALANCER = TestDeployments.freePort();
    private static final int SMTP_PORT = TestDeployments.freePort();

    private static GreenMail smtp;
    private static Map<String, String> database;

    private static final String TOTO_NIR = "2 28 12 31 815 001";
    private static final Map<String, String> TOTO_IDENTITY = Map.of("identite:nom", "TOTO", "identite:nir", TOTO_NIR,
            "identite:naissance", "03/12/1928", "identite:codePostal", "31470");
    private static final Map<String, String> TOTO_PROOF = Map.of("verification:iban", "3910173", "verification:vitale", "01647314244");
    private static final String CODE = "Robert*123_A";

    @BeforeAll
    static void startThePair() throws Exception {
        assertTrue(TestDeployments.onPostgresql(), "the two-node test needs -Dameli.it.postgresql=jdbc:postgresql://host:port");
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        database = TestDeployments.freshPostgresqlDatabase("cluster");
        Map<String, String> env = new HashMap<>();
        database.forEach((key, value) -> env.put(environmentName(key), value));
        // TOTO of the demo register, and the key generated into the database: the demo's defaults.
        env.put("AMELI_DEMO", "true");
        env.put("AMELI_MAIL_MODE", "smtp");
        env.put("AMELI_SMTP_HOST", "127.0.0.1");
        env.put("AMELI_SMTP_PORT", String.valueOf(SMTP_PORT));
        env.put("AMELI_MAIL_RETRY_INTERVAL", "PT1S");
        env.put("AMELI_CODE_HASH_ITERATIONS", "1024");
        env.put("CLUSTER_DIR", CLUSTER_DIR.toString());
        env.put("AMELI_WAR", System.getProperty("ameli.war"));
        env.put("PAYARA_MICRO_JAR", System.getProperty("payara.microJar"));
        env.put("NODE_A_PORT", String.valueOf(NODE_A));
        env.put("NODE_B_PORT", String.valueOf(NODE_B));
        env.put("LB_PORT", String.valueOf(BALANCER));
        env.put("HZ_PORT_A", String.valueOf(TestDeployments.freePort()));
        env.put("HZ_PORT_B", String.valueOf(TestDeployments.freePort()));
        env.put("NODE_HEAP", "384m");
        assertEquals(0, pair("start", env, Duration.ofMinutes(5)), "pair.sh start; see " + CLUSTER_DIR + "/pair.log");
    }

    @AfterAll
    static void stopThePair() throws Exception {
        try {
            pair("stop", Map.of("CLUSTER_DIR", CLUSTER_DIR.toString()), Duration.ofMinutes(2));
        } finally {
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    @Test
    @Order(1)
    void failed_proofs_count_on_both_nodes_alike() {
        Map<String, String> lambert = Map.of("identite:nom", "Lambert", "identite:nir", "1 31 03 21 231 594",
                "identite:naissance", "27/03/1931", "identite:codePostal", "21000");
        FormClient.Page last = null;
        for (int attempt = 1; attempt <= 6; attempt++) {
            // Odd attempts on node A, even ones on node B, each straight to the node.
            FormClient c = new FormClient(URI.create("http://127.0.0.1:" + (attempt % 2 == 1 ? NODE_A : NODE_B) + "/"));
            FormClient.Page proof = c.submit(c.get("creation/identite.xhtml"), "identite", "identite:continuer", lambert);
            last = c.submit(proof, "verification", "verification:valider",
                    Map.of("verification:iban", "0000000", "verification:vitale", "00000000000"));
        }
        assertTrue(last.text().contains("la vérification est bloquée pour ce numéro de sécurité sociale"), last.text());
    }

    @Test
    @Order(2)
    void a_person_logged_in_on_one_node_is_logged_in_on_the_other() throws Exception {
        FormClient c = new FormClient(URI.create("http://127.0.0.1:" + NODE_A + "/"));
        FormClient.Page page = c.submit(c.get("creation/identite.xhtml"), "identite", "identite:continuer",
                Map.of("identite:nom", "Lefèvre", "identite:nir", "2 46 07 75 115 039 04",
                        "identite:naissance", "14/07/1946", "identite:codePostal", "75015"));
        page = c.submit(page, "verification", "verification:valider",
                Map.of("verification:iban", "1910138", "verification:vitale", "88916681774"));
        page = c.submit(page, "conditions", "conditions:continuer", Map.of("conditions:choix", "oui"));
        page = c.submit(page, "codePersonnel", "codePersonnel:continuer",
                Map.of("codePersonnel:code", CODE, "codePersonnel:confirmation", CODE));
        page = c.submit(page, "coordonnees", "coordonnees:continuer", Map.of("coordonnees:email", "jeanne.lefevre@example.fr",
                "coordonnees:emailConfirmation", "jeanne.lefevre@example.fr", "coordonnees:promotions", "non"));
        assertTrue(page.text().contains("jeanne.lefevre@example.fr"), page.text());
        MimeMessage mail = awaitOneMail("jeanne.lefevre@example.fr");
        smtp.purgeEmailFromAllMailboxes();
        assertTrue(MailLinks.activate(c, mail).text().contains("Votre compte ameli est activé."));
        FormClient.Page space = MailLinks.logIn(c, "2 46 07 75 115 039 04", CODE, smtp::getReceivedMessages);
        smtp.purgeEmailFromAllMailboxes(); // the security code's mail, read: the next test counts its own
        assertEquals("Mon espace", space.h1(), "logged in on node A");

        // The same browser (its session cookie) on node B: the session and its roles came along.
        FormClient.Page onB = c.get("http://127.0.0.1:" + NODE_B + "/espace/index.xhtml");
        assertEquals(200, onB.status(), onB.body());
        assertEquals("Mon espace", onB.h1(), "still logged in on node B");
        assertTrue(onB.text().contains("Bonjour Jeanne LEFÈVRE"), onB.text());

        // PRODUCT §2.11: the code changed from another browser on node B logs this session out on node A too.
        FormClient other = new FormClient(URI.create("http://127.0.0.1:" + NODE_B + "/"));
        assertEquals("Mon espace", MailLinks.logIn(other, "2 46 07 75 115 039 04", CODE, smtp::getReceivedMessages).h1());
        smtp.purgeEmailFromAllMailboxes();
        FormClient.Page changed = other.submit(other.get("espace/code-personnel.xhtml"), "codePersonnel", "codePersonnel:valider",
                Map.of("codePersonnel:actuel", CODE, "codePersonnel:code", "Vosges*Rhin_88", "codePersonnel:confirmation", "Vosges*Rhin_88"));
        assertTrue(changed.text().contains("Votre code personnel est modifié."), changed.text());
        FormClient.Page onA = c.get("http://127.0.0.1:" + NODE_A + "/espace/index.xhtml");
        assertEquals("J'accède à mon compte ameli", onA.h1(), "the other session is logged out on node A");
        assertTrue(onA.text().contains("Votre session a été fermée"), onA.text());
        assertEquals("Mon espace", other.get("espace/index.xhtml").h1(), "the session that changed the code stays");
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    @Order(3)
    void a_wizard_goes_on_after_its_node_is_killed_and_creates_one_account_and_one_mail() throws Exception {
        FormClient c = new FormClient(URI.create("http://127.0.0.1:" + BALANCER + "/"));
        FormClient.Page page = c.get("creation/identite.xhtml");
        page = c.submit(page, "identite", "identite:continuer", TOTO_IDENTITY);
        page = c.submit(page, "verification", "verification:valider", TOTO_PROOF);
        page = c.submit(page, "conditions", "conditions:continuer", Map.of("conditions:choix", "oui"));
        assertTrue(page.body().contains("<form id=\"codePersonnel\""), page.body());

        int served = lastNodePort();
        String victim = served == NODE_A ? "node-a" : "node-b";
        long pid = Long.parseLong(Files.readString(CLUSTER_DIR.resolve(victim).resolve("pid")).strip());
        ProcessHandle node = ProcessHandle.of(pid).orElseThrow();
        node.destroyForcibly(); // SIGKILL: no shutdown hook, no session handed over
        node.onExit().get(30, TimeUnit.SECONDS);

        page = c.submit(page, "codePersonnel", "codePersonnel:continuer",
                Map.of("codePersonnel:code", CODE, "codePersonnel:confirmation", CODE));
        assertNotEquals(served, lastNodePort(), "the other node answered");
        assertTrue(page.body().contains("<form id=\"coordonnees\""), "the wizard went on at its contact step:\n" + page.body());
        page = c.submit(page, "coordonnees", "coordonnees:continuer", Map.of("coordonnees:email", "marie.toto@example.fr",
                "coordonnees:emailConfirmation", "marie.toto@example.fr", "coordonnees:promotions", "non"));
        assertTrue(page.text().contains("marie.toto@example.fr"), page.text());

        assertEquals(1, count("SELECT COUNT(*) FROM account WHERE email = ?", "marie.toto@example.fr"), "exactly one account");
        assertEquals(1, count("SELECT COUNT(*) FROM account WHERE status = ?", "PENDING_ACTIVATION"), "and no other");
        MimeMessage mail = awaitOneMail("marie.toto@example.fr");
        Thread.sleep(3_000); // three retry ticks of the outbox: a second node sending it again would show now
        assertEquals(1, new Mailbox(smtp).allTo("marie.toto@example.fr").size(), "exactly one mail");

        FormClient.Page activated = MailLinks.activate(c, mail);
        assertTrue(activated.text().contains("Votre compte ameli est activé."), activated.text());
        FormClient.Page space = MailLinks.logIn(c, TOTO_NIR, CODE, smtp::getReceivedMessages);
        smtp.purgeEmailFromAllMailboxes(); // the security code's mail, read: the next test counts its own
        assertTrue(space.text().contains("Bonjour"), space.text());
    }

    // ---- helpers

    private static int pair(String command, Map<String, String> env, Duration timeout) throws Exception {
        Files.createDirectories(CLUSTER_DIR);
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("payara-config/cluster/pair.sh").toString(), command)
                .directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(CLUSTER_DIR.resolve("pair.log").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /**
     * The node that answered the last request through nginx, from its access log. When nginx first
     * tried a node that is gone, {@code $upstream_addr} lists both, the one that answered last.
     */
    private static int lastNodePort() throws IOException {
        List<String> lines = Files.readAllLines(CLUSTER_DIR.resolve("nginx/access.log"));
        Matcher m = Pattern.compile("node=(?:.*, )?127\\.0\\.0\\.1:(\\d+)$").matcher(lines.get(lines.size() - 1));
        assertTrue(m.find(), lines.get(lines.size() - 1));
        return Integer.parseInt(m.group(1));
    }

    private static int count(String sql, String parameter) throws SQLException {
        try (Connection db = DriverManager.getConnection(database.get("ameli.datasource.url"), "ameli", "ameli");
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * The first mail to {@code recipient}: an earlier test's mail sent late by the outbox (the
     * « code modifié » of the test before) may arrive meanwhile and is not this one.
     */
    private static MimeMessage awaitOneMail(String recipient) throws Exception {
        return new Mailbox(smtp).firstTo(recipient, Duration.ofSeconds(30));
    }

    private static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

}
