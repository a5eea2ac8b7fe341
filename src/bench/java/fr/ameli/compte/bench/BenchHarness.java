package fr.ameli.compte.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The parts of the benchmark that are not Gatling's (mvn -Pbench verify runs them around the two
 * simulations): {@code prepare} before, {@code finish} after. All figures land in
 * {@code target/bench/results.properties}, and {@code finish} writes them as a table,
 * {@code target/bench/results.md}, with the Gatling figures and the ratios to their targets.
 *
 * <ul>
 * <li>prepare: a synthetic register; Payara Micro with an empty WAR, then the service importing
 *     the register (rows per second), then the service restarted on that database (cold start
 *     to the login page, against the empty WAR's), left running for Gatling.</li>
 * <li>finish: the service stopped; 100,000 stale pending accounts written to its database; the
 *     service started again (with a 1-minute session timeout) to time the expiry timer's sweep,
 *     then the heap held by 10,000 open wizards and once they are abandoned; one code hash timed
 *     at the configured cost; the report.</li>
 * </ul>
 */
public final class BenchHarness {

    private final Path dir = Path.of(property("bench.dir"));
    private final Path data = dir.resolve("data");
    private final Path microJar = Path.of(property("bench.micro-jar"));
    private final Path war = Path.of(property("bench.war"));
    private final Path payaraConfig = Path.of(property("bench.payara-config"));
    private final int port = Integer.parseInt(property("bench.port"));
    private final int persons = Integer.parseInt(property("bench.persons"));
    private final URI base = URI.create("http://127.0.0.1:" + port + "/");
    private final Path pidFile = dir.resolve("service.pid");
    private final Path resultsFile = dir.resolve("results.properties");
    private final Properties results = new Properties();

    public static void main(String[] args) throws Exception {
        BenchHarness harness = new BenchHarness();
        switch (args[0]) {
            case "prepare" -> harness.prepare();
            case "finish" -> harness.finish();
            case "expiry-postgresql" -> {
                // Step 7 alone, against the WAR of the last build (the service stopped).
                harness.load();
                harness.expiryOnPostgresql(property("bench.postgresql"), Integer.parseInt(property("bench.stale-accounts")));
                harness.save();
                harness.report();
            }
            case "report" -> {
                harness.load();
                harness.report();
            }
            default -> throw new IllegalArgumentException("prepare, finish, expiry-postgresql or report, not " + args[0]);
        }
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + key + " is missing (see the bench profile in pom.xml)");
        }
        return value;
    }

    /** The service's own configuration for the benchmark: mail to the simulation's SMTP catcher. */
    private Map<String, String> serviceKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("ameli.data-dir", data.toString());
        keys.put("ameli.base-url", base.toString());
        keys.put("ameli.mail.mode", "smtp");
        keys.put("ameli.smtp.host", "127.0.0.1");
        keys.put("ameli.smtp.port", property("bench.smtp-port"));
        // Gatling's virtual users come from 127.0.0.1 and say who they are in X-Forwarded-For,
        // as browsers behind a reverse proxy: the per-address cap of step 1 applies to each.
        keys.put("ameli.trusted-proxies", "127.0.0.1");
        return keys;
    }

    // ---------------------------------------------------------------- prepare

    private void prepare() throws Exception {
        PayaraMicro.stop(pidFile);
        deleteTree(data);
        Files.createDirectories(dir);
        Files.deleteIfExists(resultsFile);
        Path register = SyntheticRegister.write(dir.resolve("registre-" + persons + ".csv"), persons);

        // 1. Payara Micro alone: an empty WAR, same JVM, same command files.
        Path empty = emptyWar(dir.resolve("vide.war"));
        long bareFirst = startEmptyWar(empty);

        // 2. The service on an empty database, importing the register through the CSV import.
        Map<String, String> importKeys = new LinkedHashMap<>(serviceKeys());
        importKeys.put("ameli.registry.csv", register.toString());
        PayaraMicro importing = PayaraMicro.start(microJar, war, port, payaraConfig, importKeys, dir.resolve("import.log"));
        importing.awaitOk(base, Duration.ofMinutes(5));
        String report = importing.awaitLog(Pattern.compile("(Register " + Pattern.quote(register.toString()) + ": .*? ms)"),
                Duration.ofSeconds(10)).orElseThrow(() -> new IllegalStateException("no import report in import.log"));
        importing.stop();
        var m = Pattern.compile("(\\d+) added, (\\d+) updated, (\\d+) unchanged, (\\d+) rejected, in (\\d+) ms").matcher(report);
        if (!m.find() || !m.group(4).equals("0") || Integer.parseInt(m.group(1)) != persons) {
            throw new IllegalStateException("the register did not load whole: " + report);
        }
        record("import.rows", persons);
        record("import.ms", Long.parseLong(m.group(5)));

        // 3. The service restarted on that database, twice, alternating with the empty WAR (the
        //    shorter of two starts of each: a start can only be slowed down by something else);
        //    the second one serves Gatling.
        PayaraMicro first = PayaraMicro.start(microJar, war, port, payaraConfig, serviceKeys(), dir.resolve("service-1.log"));
        long serviceFirst = first.awaitOk(base, Duration.ofMinutes(3)).toMillis();
        first.stop();
        long bareSecond = startEmptyWar(empty);
        PayaraMicro service = PayaraMicro.start(microJar, war, port, payaraConfig, serviceKeys(), dir.resolve("service.log"));
        Files.writeString(pidFile, String.valueOf(service.pid()));
        long serviceSecond = service.awaitOk(base, Duration.ofMinutes(3)).toMillis();
        record("coldstart.empty-war.ms", Math.min(bareFirst, bareSecond));
        record("coldstart.service.ms", Math.min(serviceFirst, serviceSecond));
        results.setProperty("coldstart.all", "empty WAR " + bareFirst + " and " + bareSecond + " ms, service "
                + serviceFirst + " and " + serviceSecond + " ms");
        record("service.heap-at-start.bytes", service.heapUsedAfterGc());
        System.out.printf("Bench: %s; register of %d rows imported in %d ms%n", results.getProperty("coldstart.all"),
                persons, Long.parseLong(m.group(5)));
    }

    /** Starts Payara Micro with the empty WAR, waits for its page, stops it; the start's milliseconds. */
    private long startEmptyWar(Path empty) throws Exception {
        PayaraMicro bare = PayaraMicro.start(microJar, empty, port, payaraConfig, Map.of(), dir.resolve("vide.log"));
        try {
            return bare.awaitOk(base, Duration.ofMinutes(3)).toMillis();
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

    // ---------------------------------------------------------------- finish

    private void finish() throws Exception {
        load();
        rawLoginPage();
        PayaraMicro.stop(pidFile);

        // 4. 100,000 stale pending accounts (with their token and mail), then the expiry timer.
        int stale = Integer.parseInt(property("bench.stale-accounts"));
        writeStalePendingAccounts(stale);
        Path shortSessions = shortSessionWar(dir.resolve("compte-ameli-sessions-courtes.war"));
        Map<String, String> keys = new LinkedHashMap<>(serviceKeys());
        keys.put("ameli.activation.sweep-interval", "PT15S");
        PayaraMicro service = PayaraMicro.start(microJar, shortSessions, port, payaraConfig, keys, dir.resolve("expiry.log"));
        try {
            recordSweep(service, "expiry");

            // 5. Heap per open wizard, and once the wizards are abandoned (sessions time out after 1 min here).
            int wizards = Integer.parseInt(property("bench.wizards"));
            long before = service.heapUsedAfterGc();
            openWizards(wizards);
            long open = service.heapUsedAfterGc();
            Thread.sleep(Duration.ofSeconds(80).toMillis());
            long abandoned = service.heapUsedAfterGc();
            record("wizards.count", wizards);
            record("wizards.heap-before.bytes", before);
            record("wizards.heap-open.bytes", open);
            record("wizards.heap-abandoned.bytes", abandoned);
        } finally {
            service.stop();
        }

        // 6. One code hash at the configured cost, on this machine and JVM (the service's own JIT).
        int iterations = configuredIterations();
        record("hash.iterations", iterations);
        record("hash.ms", medianHashMillis(iterations));

        // 7. The same expiry on PostgreSQL, the production database, when the benchmark has one.
        String postgresql = System.getProperty("bench.postgresql", "");
        if (postgresql.startsWith("jdbc:postgresql:")) {
            expiryOnPostgresql(postgresql, stale);
        }
        save();
        report();
    }

    /**
     * The login page at 50 connections from a light load generator ({@link RawPageLoad}), on the
     * service still running after the simulations: 10 s of warm-up, then the measured run; the
     * service's processor time per page from /proc.
     */
    private void rawLoginPage() throws Exception {
        int connections = Integer.parseInt(property("bench.users"));
        Duration length = Duration.ofSeconds(Long.parseLong(property("bench.login-page-seconds")));
        RawPageLoad.run(port, "/", connections, Duration.ofSeconds(10));
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        long cpuBefore = PayaraMicro.processorMillis(pid);
        RawPageLoad.Result r = RawPageLoad.run(port, "/", connections, length);
        long cpuMs = PayaraMicro.processorMillis(pid) - cpuBefore;
        record("rawpage.requests", r.requests());
        record("rawpage.ms", r.length().toMillis());
        record("rawpage.failures", r.failures());
        record("rawpage.session-cookies", r.sessionCookies());
        record("rawpage.p50.ms", r.percentileMillis(50));
        record("rawpage.p95.ms", r.percentileMillis(95));
        record("rawpage.p99.ms", r.percentileMillis(99));
        record("rawpage.max.ms", r.percentileMillis(100));
        record("rawpage.service-cpu.ms", cpuMs);
        System.out.printf("Bench: login page, %d connections: %.0f requests/s, p99 %d ms%n", connections, r.perSecond(),
                r.percentileMillis(99));
    }

    /**
     * The expiry timer on a fresh PostgreSQL database: the service creates its tables, stops, the
     * stale accounts are written, and the service starts again with a 15-s sweep interval.
     */
    private void expiryOnPostgresql(String server, int stale) throws Exception {
        String database = "ameli_bench_expiry";
        try (Connection c = DriverManager.getConnection(server + "/postgres", "ameli", "ameli");
             var statement = c.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
            statement.execute("CREATE DATABASE " + database);
            record("expiry-postgresql.version", c.getMetaData().getDatabaseMajorVersion());
        }
        Map<String, String> keys = new LinkedHashMap<>(serviceKeys());
        keys.put("ameli.data-dir", dir.resolve("data-postgresql").toString());
        keys.put("ameli.datasource.class-name", "org.postgresql.ds.PGSimpleDataSource");
        keys.put("ameli.datasource.url", server + "/" + database);
        keys.put("ameli.datasource.database-name", database);
        keys.put("ameli.datasource.user", "ameli");
        keys.put("ameli.datasource.password", "ameli");
        PayaraMicro creating = PayaraMicro.start(microJar, war, port, payaraConfig, keys, dir.resolve("expiry-postgresql-1.log"));
        try {
            creating.awaitOk(base, Duration.ofMinutes(3));
        } finally {
            creating.stop();
        }
        try (Connection c = DriverManager.getConnection(server + "/" + database, "ameli", "ameli")) {
            writeStalePendingAccounts(c, stale);
        }
        keys.put("ameli.activation.sweep-interval", "PT15S");
        PayaraMicro sweeping = PayaraMicro.start(microJar, war, port, payaraConfig, keys, dir.resolve("expiry-postgresql.log"));
        try {
            recordSweep(sweeping, "expiry-postgresql");
        } finally {
            sweeping.stop();
        }
    }

    /**
     * Waits for the service, then for the expiry timer's log line, and records its accounts
     * removed ({@code prefix.removed}) and milliseconds ({@code prefix.ms}).
     */
    private void recordSweep(PayaraMicro service, String prefix) throws Exception {
        service.awaitOk(base, Duration.ofMinutes(3));
        String swept = service.awaitLog(Pattern.compile("(\\d+ unconfirmed account\\(s\\) older than \\S+ removed in \\d+ ms)"),
                Duration.ofMinutes(3)).orElseThrow(() -> new IllegalStateException("no sweep in the service's log"));
        var m = Pattern.compile("(\\d+) unconfirmed.* in (\\d+) ms").matcher(swept);
        if (!m.find()) {
            throw new IllegalStateException(swept);
        }
        record(prefix + ".removed", Long.parseLong(m.group(1)));
        record(prefix + ".ms", Long.parseLong(m.group(2)));
    }

    /** Pending accounts whose link was sent 3 days ago (validity 48 h), written straight to the stopped service's Derby. */
    private void writeStalePendingAccounts(int count) throws SQLException {
        String url = "jdbc:derby:" + data.resolve("derby") + ";user=ameli;password=ameli";
        try (Connection c = DriverManager.getConnection(url)) {
            writeStalePendingAccounts(c, count);
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:;shutdown=true");
            } catch (SQLException expected) {
                // Derby says it shut down with an exception
            }
        }
        record("expiry.written", count);
    }

    /** Pending accounts whose link was sent 3 days ago (validity 48 h), each with its token and its mail. */
    private static void writeStalePendingAccounts(Connection c, int count) throws SQLException {
        Timestamp sent = Timestamp.from(Instant.now().minus(Duration.ofDays(3)));
        SecureRandom random = new SecureRandom();
        HexFormat hex = HexFormat.of();
        c.setAutoCommit(false);
        try (PreparedStatement account = c.prepareStatement("INSERT INTO account (id, nir, status, code_hash, "
                + "terms_accepted_at, email, email_promotions, created_at, link_sent_at, nir_hash) "
                + "VALUES (?, ?, 'PENDING_ACTIVATION', ?, ?, ?, FALSE, ?, ?, ?)");
             PreparedStatement token = c.prepareStatement(
                     "INSERT INTO activation_token (token_hash, account_id, expires_at) VALUES (?, ?, ?)");
             PreparedStatement mail = c.prepareStatement("INSERT INTO outbound_mail (account_id, recipient, subject, "
                     + "created_at, attempts, next_attempt_at, sent_at) VALUES (?, ?, 'Activez votre compte ameli', ?, 1, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                long id = 10_000_000L + i;
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                account.setLong(1, id);
                account.setString(2, String.format("3%014d", i));
                account.setString(3, "PBKDF2WithHmacSHA256:600000:" + hex.formatHex(bytes));
                account.setTimestamp(4, sent);
                account.setString(5, "perime" + i + "@bench.example");
                account.setTimestamp(6, sent);
                account.setTimestamp(7, sent);
                account.setString(8, hex.formatHex(bytes));
                account.addBatch();
                random.nextBytes(bytes);
                token.setString(1, hex.formatHex(bytes));
                token.setLong(2, id);
                token.setTimestamp(3, Timestamp.from(sent.toInstant().plus(Duration.ofHours(48))));
                token.addBatch();
                mail.setLong(1, id);
                mail.setString(2, "perime" + i + "@bench.example");
                mail.setTimestamp(3, sent);
                mail.setTimestamp(4, sent);
                mail.setTimestamp(5, sent);
                mail.addBatch();
                if (i % 1000 == 999 || i == count - 1) {
                    account.executeBatch();
                    token.executeBatch();
                    mail.executeBatch();
                    c.commit();
                }
            }
        }
    }

    /**
     * The WAR with a 1-minute session timeout and a 10-second session reaper, so that abandoned
     * wizards are seen to go within the run (the real WAR keeps them 20 minutes).
     */
    private Path shortSessionWar(Path copy) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(war));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("WEB-INF/web.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    String shorter = xml.replaceFirst("<session-timeout>\\d+</session-timeout>", "<session-timeout>1</session-timeout>");
                    if (shorter.equals(xml)) {
                        throw new IllegalStateException("no session-timeout in web.xml");
                    }
                    bytes = shorter.getBytes(StandardCharsets.UTF_8);
                } else if (e.getName().equals("WEB-INF/payara-web.xml")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace("</payara-web-app>",
                            "    <session-config><session-manager><manager-properties>"
                                    + "<property name=\"reapIntervalSeconds\" value=\"10\"/>"
                                    + "</manager-properties></session-manager></session-config>\n</payara-web-app>")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return copy;
    }

    /** {@code count} browsers each opening the wizard's first page (a session, a conversation, a view). */
    private void openWizards(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger failures = new AtomicInteger();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newHttpClient(); // no cookie handler: each request a new browser
                    for (int i = first; i < count; i += 4) {
                        try {
                            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base.resolve("creation/identite.xhtml"))
                                    .header("X-Forwarded-For", "10.9." + (i / 250) % 250 + "." + i % 250).GET().build(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() != 200 || r.headers().firstValue("Set-Cookie").isEmpty()) {
                                failures.incrementAndGet();
                            }
                        } catch (IOException e) {
                            failures.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " wizards of " + count + " did not open");
        }
    }

    private int configuredIterations() throws IOException {
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(property("bench.classes"), "META-INF", "microprofile-config.properties"))) {
            config.load(in);
        }
        return Integer.parseInt(config.getProperty("ameli.code.hash-iterations"));
    }

    /** PBKDF2-HMAC-SHA256 as the service configures it (16-byte salt, 32-byte key): median of 9 after 4 warm-ups. */
    private static long medianHashMillis(int iterations) throws Exception {
        SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            long t0 = System.nanoTime();
            pbkdf2.generateSecret(new PBEKeySpec("Robert*123_A".toCharArray(), salt, iterations, 256)).getEncoded();
            if (i >= 4) {
                times.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        times.sort(Comparator.naturalOrder());
        return times.get(times.size() / 2);
    }

    // ---------------------------------------------------------------- report

    private void report() throws IOException {
        JsonNode journey = gatlingStats("journeysimulation");
        JsonNode loginPage = gatlingStats("loginpagesimulation");
        int cores = Runtime.getRuntime().availableProcessors();
        long hashMs = Long.parseLong(results.getProperty("hash.ms"));
        double hashLimit = cores * 1000.0 / hashMs;
        StringBuilder md = new StringBuilder();
        md.append("Run of ").append(Instant.now()).append(", ").append(cores).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", service JVM options ").append(PayaraMicro.JVM_OPTIONS).append("\n\n");

        long seconds = Long.parseLong(property("bench.journey-seconds"));
        long registrationSeconds = Long.parseLong(property("bench.registration-seconds"));
        md.append("Registrations only (up to the mail sent), 50 users, ").append(registrationSeconds).append(" s:\n\n");
        double registrations = requestTable(md, journey, JourneySimulation.REGISTRATIONS_ONLY, JourneySimulation.REGISTRATION,
                registrationSeconds);
        md.append("\nWhole journeys, 50 users, ").append(seconds).append(" s:\n\n");
        double journeys = requestTable(md, journey, "", JourneySimulation.MY_SPACE, seconds);
        String cpuEnd = results.getProperty("journey.end.cpu-ms");
        if (cpuEnd != null) {
            double cpu = (Long.parseLong(cpuEnd) - Long.parseLong(results.getProperty("journey.start.cpu-ms"))) / 1000.0;
            double wall = (Long.parseLong(results.getProperty("journey.end.wall-ms"))
                    - Long.parseLong(results.getProperty("journey.start.wall-ms"))) / 1000.0;
            long hashes = 0;
            for (JsonNode request : journey.path("contents")) {
                String name = request.path("stats").path("name").asText().replace(JourneySimulation.WARM_UP, "")
                        .replace(JourneySimulation.REGISTRATIONS_ONLY, "");
                if (name.equals(JourneySimulation.REGISTRATION) || name.equals(JourneySimulation.LOGIN)) {
                    hashes += request.path("stats").path("numberOfRequests").path("total").asLong();
                }
            }
            double hashing = hashes * Long.parseLong(results.getProperty("hash.ms")) / 1000.0;
            md.append(String.format("%nService processor time during the journey simulation: %.0f s of %.0f s × %d cores = %.0f %% "
                            + "(the rest: Gatling, its SMTP relay, the system); of it, %d hashes × %s ms = %.0f s hashing (%.0f %%).%n",
                    cpu, wall, cores, 100 * cpu / (wall * cores), hashes, results.getProperty("hash.ms"), hashing, 100 * hashing / cpu));
        }
        JsonNode all = journey.path("stats");
        md.append(String.format("%nJourney simulation (20-s warm-up, registrations only, whole journeys): %d requests, %d KO.%n%n",
                all.path("numberOfRequests").path("total").asLong(), all.path("numberOfRequests").path("ko").asLong()));

        JsonNode lp = loginPage.path("stats");
        long coldService = Long.parseLong(results.getProperty("coldstart.service.ms"));
        long coldEmpty = Long.parseLong(results.getProperty("coldstart.empty-war.ms"));
        long importMs = Long.parseLong(results.getProperty("import.ms"));
        long expiryMs = Long.parseLong(results.getProperty("expiry.ms"));
        long wizards = Long.parseLong(results.getProperty("wizards.count"));
        long heapBefore = Long.parseLong(results.getProperty("wizards.heap-before.bytes"));
        long heapOpen = Long.parseLong(results.getProperty("wizards.heap-open.bytes"));
        long heapAbandoned = Long.parseLong(results.getProperty("wizards.heap-abandoned.bytes"));

        md.append("| figure | measured | target |\n|---|---|---|\n");
        md.append(String.format("| code hash (PBKDF2-SHA256, %s iterations) | %d ms → hash-bound limit %.2f hashes/s on %d cores | |%n",
                results.getProperty("hash.iterations"), hashMs, hashLimit, cores));
        md.append(String.format("| registrations/s at 50 users (registrations only) | %.2f/s = %.2f of the limit | ≥ 0.8 |%n", registrations, registrations / hashLimit));
        md.append(String.format("| journeys/s (register, mail link, activation, login, Mon espace: 2 hashes each) | %.2f/s = %.2f of the limit for 2 hashes (%.2f/s) | Keycloak 1.15/s |%n",
                journeys, journeys * 2 / hashLimit, hashLimit / 2));
        md.append(String.format("| cold start to the login page / empty WAR (shorter of 2 each: %s) | %d ms / %d ms = %.2f | ≤ 1.3 |%n",
                results.getProperty("coldstart.all"), coldService, coldEmpty, (double) coldService / coldEmpty));
        md.append(String.format("| expiry of %s stale pending accounts, embedded Derby | %d ms (%s removed) | ≤ 5 s |%n", results.getProperty("expiry.written"),
                expiryMs, results.getProperty("expiry.removed")));
        if (results.getProperty("expiry-postgresql.ms") != null) {
            md.append(String.format("| expiry of %s stale pending accounts, PostgreSQL %s | %s ms (%s removed) | ≤ 5 s |%n",
                    results.getProperty("expiry.written"), results.getProperty("expiry-postgresql.version"),
                    results.getProperty("expiry-postgresql.ms"), results.getProperty("expiry-postgresql.removed")));
        }
        md.append(String.format("| heap per open wizard (%d wizards) | %.1f KiB (%d MiB → %d MiB) | small |%n", wizards,
                (heapOpen - heapBefore) / 1024.0 / wizards, heapBefore >> 20, heapOpen >> 20));
        md.append(String.format("| heap after the %d wizards were abandoned (sessions timed out) | %d MiB (%+d MiB from before) | flat |%n",
                wizards, heapAbandoned >> 20, (heapAbandoned - heapBefore) >> 20));
        md.append(String.format("| register CSV import | %s rows in %d ms = %.0f rows/s | |%n", results.getProperty("import.rows"),
                importMs, Long.parseLong(results.getProperty("import.rows")) * 1000.0 / importMs));
        long pageSeconds = Long.parseLong(property("bench.login-page-seconds"));
        JsonNode page = request(loginPage, LoginPageSimulation.PAGE);
        JsonNode styleSheet = request(loginPage, LoginPageSimulation.STYLE_SHEET);
        md.append(String.format("| login page at 50 connections, Gatling (browsers with a cache, generator on the same cores) | %.0f requests/s, p95 %d ms, p99 %d ms, %d KO; "
                        + "style sheet fetched %d times (once per browser) | ≥ 1,000/s, p99 ≤ 100 ms |%n",
                page.path("numberOfRequests").path("ok").asDouble() / pageSeconds, page.path("percentiles3").path("ok").asLong(),
                page.path("percentiles4").path("ok").asLong(), page.path("numberOfRequests").path("ko").asLong(),
                styleSheet.path("numberOfRequests").path("total").asLong()));
        if (results.getProperty("rawpage.requests") != null) {
            long requests = Long.parseLong(results.getProperty("rawpage.requests"));
            double rawSeconds = Long.parseLong(results.getProperty("rawpage.ms")) / 1000.0;
            md.append(String.format("| login page at 50 connections, light load generator (RawPageLoad) | %.0f requests/s, p50 %s ms, "
                            + "p95 %s ms, p99 %s ms, max %s ms, %s failed, %s session cookies; service processor time %.2f ms per page "
                            + "| ≥ 1,000/s, p99 ≤ 100 ms |%n",
                    requests / rawSeconds, results.getProperty("rawpage.p50.ms"), results.getProperty("rawpage.p95.ms"),
                    results.getProperty("rawpage.p99.ms"), results.getProperty("rawpage.max.ms"), results.getProperty("rawpage.failures"),
                    results.getProperty("rawpage.session-cookies"),
                    Long.parseLong(results.getProperty("rawpage.service-cpu.ms")) / (double) requests));
        }
        String heapLogin = results.getProperty("loginpage.heap-before.bytes");
        if (heapLogin != null) {
            md.append(String.format("| heap before / after the login-page run | %d MiB / %d MiB | flat |%n", Long.parseLong(heapLogin) >> 20,
                    Long.parseLong(results.getProperty("loginpage.heap-after.bytes")) >> 20));
        }
        for (JsonNode request : loginPage.path("contents")) {
            JsonNode s = request.path("stats");
            md.append(String.format("| · %s | %d requests, p95 %d ms, p99 %d ms | |%n", s.path("name").asText(),
                    s.path("numberOfRequests").path("total").asLong(), s.path("percentiles3").path("total").asLong(),
                    s.path("percentiles4").path("total").asLong()));
        }
        Path out = dir.resolve("results.md");
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
        System.out.println("Bench: written to " + out);
    }

    /**
     * The table of the requests whose names start with {@code phase} (and no other phase's), and
     * the number per second of {@code completing} requests in the {@code seconds} of the phase.
     */
    private static double requestTable(StringBuilder md, JsonNode simulation, String phase, String completing, long seconds) {
        md.append("| request (50 users) | count OK | KO | mean ms | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|---|\n");
        double perSecond = 0;
        for (JsonNode request : simulation.path("contents")) {
            JsonNode s = request.path("stats");
            String name = s.path("name").asText();
            boolean otherPhase = name.startsWith(JourneySimulation.WARM_UP) || name.startsWith(JourneySimulation.REGISTRATIONS_ONLY);
            if (phase.isEmpty() ? otherPhase : !name.startsWith(phase)) {
                continue;
            }
            name = name.substring(phase.length());
            md.append(String.format("| %s | %d | %d | %d | %d | %d | %d | %d |%n", name, s.path("numberOfRequests").path("ok").asLong(),
                    s.path("numberOfRequests").path("ko").asLong(), s.path("meanResponseTime").path("ok").asLong(),
                    s.path("percentiles1").path("ok").asLong(), s.path("percentiles3").path("ok").asLong(),
                    s.path("percentiles4").path("ok").asLong(), s.path("maxResponseTime").path("ok").asLong()));
            // Completed in the measured window (closed model: the last ones end just after it).
            if (name.equals(completing)) {
                perSecond = s.path("numberOfRequests").path("ok").asDouble() / seconds;
            }
        }
        return perSecond;
    }

    /** The stats of one request of a simulation, by its name. */
    private static JsonNode request(JsonNode simulation, String name) {
        for (JsonNode request : simulation.path("contents")) {
            if (request.path("stats").path("name").asText().equals(name)) {
                return request.path("stats");
            }
        }
        throw new IllegalStateException("no request " + name + " in the Gatling report");
    }

    /** The stats of the latest Gatling run of a simulation. */
    private JsonNode gatlingStats(String simulation) throws IOException {
        Path gatling = Path.of(property("bench.gatling-results"));
        try (Stream<Path> runs = Files.list(gatling)) {
            Path latest = runs.filter(p -> p.getFileName().toString().startsWith(simulation + "-"))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new IllegalStateException("no Gatling run of " + simulation + " in " + gatling));
            // js/stats.js: "var stats = {…}" (a JavaScript object: unquoted keys, numbers as strings), then functions.
            String script = Files.readString(latest.resolve("js").resolve("stats.js"), StandardCharsets.UTF_8);
            ObjectMapper json = new ObjectMapper();
            json.getFactory().enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES);
            return json.readTree(script.substring(script.indexOf('{')));
        }
    }

    // ---------------------------------------------------------------- results file

    private void record(String key, long value) {
        results.setProperty(key, String.valueOf(value));
        try {
            save();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void load() throws IOException {
        if (Files.exists(resultsFile)) {
            try (InputStream in = Files.newInputStream(resultsFile)) {
                results.load(in);
            }
        }
    }

    private void save() throws IOException {
        Properties merged = new Properties();
        if (Files.exists(resultsFile)) {
            try (InputStream in = Files.newInputStream(resultsFile)) {
                merged.load(in);
            }
        }
        merged.putAll(results);
        try (OutputStream out = Files.newOutputStream(resultsFile)) {
            merged.store(out, "compte-ameli benchmark");
        }
    }

    private static void deleteTree(Path root) throws IOException {
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
