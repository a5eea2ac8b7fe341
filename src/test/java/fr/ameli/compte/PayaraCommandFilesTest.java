package fr.ameli.compte;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two pre-boot command files say the same but for the sessions: a single server keeps them in
 * memory, a cluster node replicates them (payara-config/cluster/pre-boot-commands.asadmin). A
 * setting added to one and forgotten in the other would make the cluster behave unlike the
 * server the tests run.
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
}
