package fr.ameli.compte;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two pre-boot command files say the same but for the sessions: a single server keeps them in
 * memory, a cluster node replicates them (payara-config/cluster/pre-boot-commands.asadmin). A
 * setting added to one and forgotten in the other would make the cluster behave unlike the
 * server the tests run. And the Docker image's start from its class-data archive begins each time
 * from the launcher's configuration.
 */
class PayaraCommandFilesTest {

    private static final String AVAILABILITY = "set configs.config.server-config.availability-service.web-container-availability.";

    private static List<String> commands(String file) throws IOException {
        return Files.readAllLines(Path.of(file)).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    @Test
    void a_cluster_node_runs_the_single_server_s_commands_and_replicates_its_sessions() throws IOException {
        List<String> single = commands("payara-config/pre-boot-commands.asadmin");
        List<String> cluster = commands("payara-config/cluster/pre-boot-commands.asadmin");
        assertEquals(single.stream().filter(c -> !c.startsWith(AVAILABILITY)).toList(),
                cluster.stream().filter(c -> !c.startsWith(AVAILABILITY)).toList(), "the same commands, in the same order");
        assertEquals(List.of(AVAILABILITY + "availability-enabled=false"),
                single.stream().filter(c -> c.startsWith(AVAILABILITY)).toList(), "one server: sessions in memory");
        assertEquals(List.of(AVAILABILITY + "availability-enabled=true", AVAILABILITY + "persistence-scope=session"),
                cluster.stream().filter(c -> c.startsWith(AVAILABILITY)).toList(), "a cluster node: each whole session replicated");
        assertTrue(Files.readString(Path.of("payara-config/cluster/pair.sh")).contains("payara-config/cluster/pre-boot-commands.asadmin"));
        assertTrue(Files.readString(Path.of("compose.yaml")).contains("/opt/payara/config/cluster/pre-boot-commands.asadmin"));
    }

    /**
     * A Payara Micro root directory keeps the applications of its last start: after a start that
     * was killed, the next one would deploy the WAR twice (seen in the benchmark: every request of
     * the next run failed). start-with-archive.sh puts the launcher's configuration back first.
     */
    @Test
    void a_start_from_the_archive_begins_from_the_launcher_s_configuration(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/domain.xml.launcher"), "<domain/>");
        Files.writeString(root.resolve("config/domain.xml"), "<domain><applications><application name=\"compte-ameli\"/></applications></domain>");
        Files.createDirectories(root.resolve("applications/compte-ameli"));
        Files.createDirectories(root.resolve("generated/ejb"));
        ProcessBuilder start = new ProcessBuilder("bash", "payara-config/start-with-archive.sh", root.toString(),
                "-XX:MaxRAMPercentage=70.0", "--", "--deploy", "compte-ameli.war", "--nocluster").redirectErrorStream(true);
        start.environment().put("JAVA", "echo"); // what Java would be started with, instead of Java
        Process p = start.start();
        String command = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), command);
        assertEquals("<domain/>", Files.readString(root.resolve("config/domain.xml")));
        assertTrue(Files.notExists(root.resolve("applications")) && Files.notExists(root.resolve("generated")));
        assertEquals("-XX:SharedArchiveFile=" + root.resolve("compte-ameli.jsa") + " -XX:MaxRAMPercentage=70.0 -jar "
                + root.resolve("launch-micro.jar") + " --deploy compte-ameli.war --nocluster", command);
        assertTrue(Files.readString(Path.of("Dockerfile")).contains("\"/opt/payara/config/start-with-archive.sh\", \"/opt/payara/micro-root\""),
                "the Docker image starts through it");
    }
}
