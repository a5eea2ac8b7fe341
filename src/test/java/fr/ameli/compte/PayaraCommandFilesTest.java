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
 * from the launcher's configuration, in a copy of its read-only server.
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
    }

    /**
     * The Docker image's server is read-only to the user it runs as (README « Docker image »): each start
     * runs from a fresh copy on the data volume, the jars' times kept (the class-data archive checks them),
     * the archive read where it is, and nothing written into the read-only directory.
     */
    @Test
    void a_read_only_server_starts_from_a_fresh_copy_on_the_data_volume(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("micro-root");
        Path run = dir.resolve("data/server");
        Files.createDirectories(root.resolve("config"));
        Files.createDirectories(root.resolve("runtime"));
        Files.writeString(root.resolve("config/domain.xml.launcher"), "<domain/>");
        Files.writeString(root.resolve("config/domain.xml"), "<domain/>");
        Files.writeString(root.resolve("runtime/payara.jar"), "jar");
        Files.setLastModifiedTime(root.resolve("runtime/payara.jar"), java.nio.file.attribute.FileTime.fromMillis(1_600_000_000_000L));
        Files.writeString(root.resolve(".env"), "MICRO_MAIN=x");
        Files.writeString(root.resolve("compte-ameli.jsa"), "archive");
        // What the previous start left in its copy: gone at this one.
        Files.createDirectories(run.resolve("applications/compte-ameli"));
        Files.writeString(run.resolve("config-left-over"), "x");

        ProcessBuilder start = new ProcessBuilder("bash", "payara-config/start-with-archive.sh", "--copy-to", run.toString(), root.toString(),
                "-XX:MaxRAMPercentage=70.0", "--", "--deploy", "compte-ameli.war").redirectErrorStream(true);
        start.environment().put("JAVA", "echo");
        Process p = start.start();
        String command = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), command);
        assertEquals("-XX:SharedArchiveFile=" + root.resolve("compte-ameli.jsa") + " -XX:MaxRAMPercentage=70.0 -Djava.io.tmpdir=" + run.resolve("tmp")
                + " -jar " + run.resolve("launch-micro.jar") + " --deploy compte-ameli.war", command);
        assertEquals("<domain/>", Files.readString(run.resolve("config/domain.xml")));
        assertEquals(1_600_000_000_000L, Files.getLastModifiedTime(run.resolve("runtime/payara.jar")).toMillis(), "the jar's time kept");
        assertTrue(Files.exists(run.resolve(".env")) && Files.isDirectory(run.resolve("tmp")));
        assertTrue(Files.notExists(run.resolve("compte-ameli.jsa")), "139 MB not copied at every start");
        assertTrue(Files.notExists(run.resolve("applications")) && Files.notExists(run.resolve("config-left-over")), "a fresh copy");
        try (var left = Files.list(root)) {
            assertEquals(List.of(".env", "compte-ameli.jsa", "config", "runtime"),
                    left.map(f -> f.getFileName().toString()).sorted().toList(), "nothing written into the read-only server");
        }
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertTrue(dockerfile.contains("\"/opt/payara/config/start-with-archive.sh\", \"--copy-to\", \"/opt/payara/data/server\", \"/opt/payara/micro-root\""),
                "the Docker image starts through it");
        assertTrue(dockerfile.contains("class-data-archive.sh /opt/payara/payara-micro.jar /opt/payara/data/server"),
                "its archive made where the copy runs: the archive names the jars by their paths");
    }
}
