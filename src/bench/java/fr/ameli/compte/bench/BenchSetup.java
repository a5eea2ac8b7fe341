package fr.ameli.compte.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the bench profile of pom.xml gives the harness (the {@code bench.*} system properties of
 * exec-maven-plugin), and the service started with it: the same Payara Micro, port and command
 * files for every start, mail to the simulation's SMTP catcher.
 */
final class BenchSetup {

    final Path dir = Path.of(property("bench.dir"));
    /** The service's data directory (its embedded Derby under {@code derby/}), imported by prepare. */
    final Path data = dir.resolve("data");
    final Path war = Path.of(property("bench.war"));
    /** The service's compiled classes, with its META-INF/microprofile-config.properties. */
    final Path classes = Path.of(property("bench.classes"));
    final Path gatlingResults = Path.of(property("bench.gatling-results"));
    final int port = Integer.parseInt(property("bench.port"));
    final URI base = URI.create("http://127.0.0.1:" + port + "/");
    final int persons = Integer.parseInt(property("bench.persons"));
    final int staleAccounts = Integer.parseInt(property("bench.stale-accounts"));
    final int wizards = Integer.parseInt(property("bench.wizards"));
    final int users = Integer.parseInt(property("bench.users"));
    final long journeySeconds = Long.parseLong(property("bench.journey-seconds"));
    final long registrationSeconds = Long.parseLong(property("bench.registration-seconds"));
    final long loginPageSeconds = Long.parseLong(property("bench.login-page-seconds"));
    /** The PostgreSQL server ({@code jdbc:postgresql://host:port}), or empty: the expiry is then timed on Derby only. */
    final String postgresql = System.getProperty("bench.postgresql", "");
    /** The service that the simulations load, left running by prepare and stopped by finish. */
    final Path pidFile = servicePidFile(dir);
    final ResultsFile results = new ResultsFile(dir);

    private final Path microJar = Path.of(property("bench.micro-jar"));
    private final Path payaraConfig = Path.of(property("bench.payara-config"));
    /** Payara Micro unpacked for the class-data archive, with its launcher (payara-config/class-data-archive.sh). */
    private final Path microRoot = dir.resolve("micro-root");
    private final String smtpPort = property("bench.smtp-port");

    static String property(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + key + " is missing (see the bench profile in pom.xml)");
        }
        return value;
    }

    /** Where prepare writes the pid of the service it leaves running (read by the simulations too). */
    static Path servicePidFile(Path dir) {
        return dir.resolve("service.pid");
    }

    /** The pid of the service that prepare left running, for the simulations (given only {@code bench.dir} of these properties). */
    static long runningServicePid() throws IOException {
        return PayaraMicro.pidOf(servicePidFile(Path.of(property("bench.dir"))));
    }

    /** The service's own configuration for the benchmark: mail to the simulation's SMTP catcher. */
    Map<String, String> serviceKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("ameli.data-dir", data.toString());
        keys.put("ameli.base-url", base.toString());
        keys.put("ameli.mail.mode", "smtp");
        keys.put("ameli.smtp.host", "127.0.0.1");
        keys.put("ameli.smtp.port", smtpPort);
        // Gatling's virtual users come from 127.0.0.1 and say who they are in X-Forwarded-For,
        // as browsers behind a reverse proxy: the per-address cap of the identity step applies to each.
        keys.put("ameli.trusted-proxies", "127.0.0.1");
        return keys;
    }

    /** {@link #serviceKeys()} with some replaced or added. */
    Map<String, String> serviceKeys(Map<String, String> changed) {
        Map<String, String> keys = serviceKeys();
        keys.putAll(changed);
        return keys;
    }

    /** Payara Micro deploying {@code deployed} with these system properties, its console to {@code logName} in the bench directory. */
    PayaraMicro start(Path deployed, Map<String, String> keys, String logName) throws IOException {
        if (Files.exists(classDataArchive())) {
            // As the Docker image starts it (payara-config/start-with-archive.sh, which execs Java).
            return PayaraMicro.start(List.of("bash", payaraConfig.resolve("start-with-archive.sh").toString(), microRoot.toString()),
                    List.of("--"), deployed, port, payaraConfig, keys, dir.resolve(logName));
        }
        return startWithoutArchive(deployed, keys, logName);
    }

    /** {@link #start} from Payara Micro's own jar, as it comes, without a class-data archive. */
    PayaraMicro startWithoutArchive(Path deployed, Map<String, String> keys, String logName) throws IOException {
        return PayaraMicro.start(microJar, deployed, port, payaraConfig, keys, dir.resolve(logName));
    }

    /**
     * The class-data archive of the service, made as the Docker image makes it
     * ({@code payara-config/class-data-archive.sh}, a training start of the WAR); from then on
     * {@link #start} starts the service from it.
     */
    void makeClassDataArchive() throws IOException, InterruptedException {
        deleteTree(microRoot);
        List<String> command = new ArrayList<>(List.of("bash", payaraConfig.resolve("class-data-archive.sh").toString(),
                microJar.toString(), microRoot.toString(), war.toString()));
        command.addAll(PayaraMicro.JVM_OPTIONS);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("class-data-archive.log").toFile());
        builder.environment().put("JAVA", PayaraMicro.java()); // the JVM the service then runs on
        Process p = builder.start();
        p.getOutputStream().close();
        if (p.waitFor() != 0 || !Files.exists(classDataArchive())) {
            throw new IllegalStateException("no class-data archive; see " + dir.resolve("class-data-archive.log"));
        }
    }

    private Path classDataArchive() {
        return microRoot.resolve("compte-ameli.jsa");
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
