package fr.ameli.compte.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * bench-prepare, before the simulations: a synthetic register; Payara Micro with an empty WAR,
 * then the service importing the register (rows per second), then the service restarted on that
 * database, once as it comes and then from its class-data archive (cold start to the login page,
 * against the empty WAR's), left running for Gatling.
 */
final class BenchPrepare {

    private final BenchSetup setup;

    BenchPrepare(BenchSetup setup) {
        this.setup = setup;
    }

    void run() throws Exception {
        PayaraMicro.stop(setup.pidFile);
        BenchSetup.deleteTree(setup.data);
        Files.createDirectories(setup.dir);
        setup.results.delete();
        Path register = SyntheticRegister.write(setup.dir.resolve("registre-" + setup.persons + ".csv"), setup.persons);

        // 1. Payara Micro alone: an empty WAR, same JVM, same command files.
        Path empty = emptyWar(setup.dir.resolve("vide.war"));
        long bareFirst = startEmptyWar(empty);

        // 2. The service on an empty database, importing the register through the CSV import.
        long importMillis = importRegister(register);

        // 3. The service restarted on that database from Payara Micro's jar, then its class-data
        //    archive made as the Docker image makes it.
        PayaraMicro unarchived = setup.startWithoutArchive(setup.war, setup.serviceKeys(), "service-sans-archive.log");
        long serviceWithoutArchive = unarchived.awaitOk(setup.base, Duration.ofMinutes(3)).toMillis();
        unarchived.stop();
        setup.makeClassDataArchive();

        // 4. The service restarted with its archive, twice, alternating with the empty WAR (the
        //    shorter of two starts of each: a start can only be slowed down by something else);
        //    the second one serves Gatling.
        PayaraMicro first = setup.start(setup.war, setup.serviceKeys(), "service-1.log");
        long serviceFirst = first.awaitOk(setup.base, Duration.ofMinutes(3)).toMillis();
        first.stop();
        long bareSecond = startEmptyWar(empty);
        PayaraMicro service = setup.start(setup.war, setup.serviceKeys(), "service.log");
        Files.writeString(setup.pidFile, String.valueOf(service.pid()));
        long serviceSecond = service.awaitOk(setup.base, Duration.ofMinutes(3)).toMillis();
        var coldStarts = new BenchResults.ColdStarts(bareFirst, bareSecond, serviceFirst, serviceSecond, serviceWithoutArchive);
        var startup = new BenchResults.Startup(setup.persons, importMillis, coldStarts, service.heapUsedAfterGc());
        setup.results.update(r -> r.startup = startup);
        System.out.printf("Bench: %s; register of %d rows imported in %d ms%n", coldStarts.all(), setup.persons, importMillis);
    }

    /** The register imported by the service on an empty database, checked whole: the import's milliseconds. */
    private long importRegister(Path register) throws Exception {
        PayaraMicro importing = setup.start(setup.war, setup.serviceKeys(Map.of("ameli.registry.csv", register.toString())),
                "import.log");
        importing.awaitOk(setup.base, Duration.ofMinutes(5));
        String report = importing.awaitLog(Pattern.compile("(Register " + Pattern.quote(register.toString()) + ": .*? ms)"),
                Duration.ofSeconds(10)).orElseThrow(() -> new IllegalStateException("no import report in import.log"));
        importing.stop();
        Matcher m = Pattern.compile("(\\d+) added, (\\d+) updated, (\\d+) unchanged, (\\d+) rejected, in (\\d+) ms").matcher(report);
        if (!m.find() || !m.group(4).equals("0") || Integer.parseInt(m.group(1)) != setup.persons) {
            throw new IllegalStateException("the register did not load whole: " + report);
        }
        return Long.parseLong(m.group(5));
    }

    /** Starts Payara Micro, from its own jar, with the empty WAR, waits for its page, stops it; the start's milliseconds. */
    private long startEmptyWar(Path empty) throws Exception {
        PayaraMicro bare = setup.startWithoutArchive(empty, Map.of(), "vide.log");
        try {
            return bare.awaitOk(setup.base, Duration.ofMinutes(3)).toMillis();
        } finally {
            bare.stop();
        }
    }

    /** A WAR with one static page: what Payara Micro itself costs to start. */
    private static Path emptyWar(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("index.html"));
            zip.write("<!DOCTYPE html><title>vide</title>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }
}
