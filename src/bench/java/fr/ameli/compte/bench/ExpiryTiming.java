package fr.ameli.compte.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expiry timer's sweep of {@code bench.stale-accounts} {@link StaleAccounts}: written to the
 * stopped service's database, then the service started with a 15-s sweep interval, and the time
 * its log gives for the sweep (with its commit).
 */
final class ExpiryTiming {

    private static final Pattern SWEPT = Pattern.compile("((\\d+) unconfirmed account\\(s\\) older than \\S+ removed in (\\d+) ms)");

    /** A database of the service that the stale accounts are written to, the service stopped. */
    record Database(String name, Map<String, String> serviceKeys, String jdbcUrl) {

        /** The embedded Derby of the service whose data directory is {@code data}. */
        static Database derby(Path data) {
            return new Database("embedded Derby", Map.of("ameli.data-dir", data.toString()),
                    "jdbc:derby:" + data.resolve("derby") + ";user=ameli;password=ameli");
        }

        /** A fresh database {@code ameli_bench_expiry} on the PostgreSQL server {@code server} (jdbc:postgresql://host:port). */
        static Database freshPostgresql(String server, Path data) throws SQLException {
            String database = "ameli_bench_expiry";
            int version;
            try (Connection c = DriverManager.getConnection(server + "/postgres", "ameli", "ameli");
                 var statement = c.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + database);
                statement.execute("CREATE DATABASE " + database);
                version = c.getMetaData().getDatabaseMajorVersion();
            }
            Map<String, String> keys = new LinkedHashMap<>();
            keys.put("ameli.data-dir", data.toString());
            keys.put("ameli.datasource.class-name", "org.postgresql.ds.PGSimpleDataSource");
            keys.put("ameli.datasource.url", server + "/" + database);
            keys.put("ameli.datasource.database-name", database);
            keys.put("ameli.datasource.user", "ameli");
            keys.put("ameli.datasource.password", "ameli");
            return new Database("PostgreSQL " + version, keys, server + "/" + database + "?user=ameli&password=ameli");
        }

        /** Writes the stale accounts (the service stopped); Derby is shut down after, for the service to open it. */
        void writeStaleAccounts(int count, int iterations) throws SQLException {
            boolean derby = jdbcUrl.startsWith("jdbc:derby:");
            try (Connection c = DriverManager.getConnection(jdbcUrl)) {
                StaleAccounts.write(c, count, iterations);
            } finally {
                if (derby) {
                    try {
                        DriverManager.getConnection("jdbc:derby:;shutdown=true");
                    } catch (SQLException expected) {
                        // Derby says it shut down with an exception
                    }
                }
            }
        }
    }

    private final BenchSetup setup;
    private final int iterations;

    ExpiryTiming(BenchSetup setup, int iterations) {
        this.setup = setup;
        this.iterations = iterations;
    }

    /** The service's keys for {@code database}, the expiry timer sweeping every 15 s. */
    Map<String, String> sweepingKeys(Database database) {
        Map<String, String> keys = setup.serviceKeys(database.serviceKeys());
        keys.put("ameli.activation.sweep-interval", "PT15S");
        return keys;
    }

    void writeStaleAccounts(Database database) throws SQLException {
        database.writeStaleAccounts(setup.staleAccounts, iterations);
    }

    /** Waits for the service started on the stale accounts of {@code database}, then for its sweep. */
    BenchResults.Sweep awaitSweep(PayaraMicro service, Database database) throws IOException, InterruptedException {
        service.awaitOk(setup.base, Duration.ofMinutes(3));
        String swept = service.awaitLog(SWEPT, Duration.ofMinutes(3))
                .orElseThrow(() -> new IllegalStateException("no sweep in the service's log"));
        Matcher m = SWEPT.matcher(swept);
        if (!m.find()) {
            throw new IllegalStateException(swept);
        }
        return new BenchResults.Sweep(database.name(), setup.staleAccounts, Long.parseLong(m.group(2)), Long.parseLong(m.group(3)));
    }

    /**
     * The whole expiry on a database of its own: the service creates its tables and stops, the
     * stale accounts are written, the service starts again to sweep them (logs {@code log}-1.log, {@code log}.log).
     */
    BenchResults.Sweep onItsOwn(Database database, String log) throws Exception {
        PayaraMicro creating = setup.start(setup.war, setup.serviceKeys(database.serviceKeys()), log + "-1.log");
        try {
            creating.awaitOk(setup.base, Duration.ofMinutes(3));
        } finally {
            creating.stop();
        }
        writeStaleAccounts(database);
        PayaraMicro sweeping = setup.start(setup.war, sweepingKeys(database), log + ".log");
        try {
            return awaitSweep(sweeping, database);
        } finally {
            sweeping.stop();
        }
    }
}
