package fr.ameli.compte.bench;

import java.util.Map;

import java.time.Duration;

/**
 * bench-finish, after the simulations: the login page from a light load generator on the service
 * still running; the service stopped; 100,000 stale pending accounts written to its database; the
 * service started again (with a 1-minute session timeout) to time the expiry timer's sweep, then
 * the heap held by 10,000 open wizards and once they are abandoned; one code hash timed at the
 * configured cost; the same expiry on PostgreSQL when the benchmark has a server; the report.
 */
final class BenchFinish {

    private final BenchSetup setup;

    BenchFinish(BenchSetup setup) {
        this.setup = setup;
    }

    void run() throws Exception {
        BenchResults.RawPage rawPage = rawLoginPage();
        setup.results.update(r -> r.rawPage = rawPage);
        PayaraMicro.stop(setup.pidFile);

        // 4. 100,000 stale pending accounts (with their token and mail), then the expiry timer.
        int iterations = CodeHashes.configuredIterations(setup.classes);
        ExpiryTiming expiry = new ExpiryTiming(setup, iterations);
        ExpiryTiming.Database derby = ExpiryTiming.Database.derby(setup.data);
        expiry.writeStaleAccounts(derby);
        var shortSessions = Wizards.shortSessionWar(setup.war, setup.dir.resolve("compte-ameli-sessions-courtes.war"));
        Map<String, String> keys = expiry.sweepingKeys(derby);
        // The wizard sets its session's lifetime from this key (20 min): 1 min here too, or the copy's web.xml is overruled.
        keys.put("ameli.wizard.timeout", "PT1M");
        keys.put("ameli.time-limit.warning", "PT20S");
        PayaraMicro service = setup.start(shortSessions, keys, "expiry.log");
        try {
            BenchResults.Sweep swept = expiry.awaitSweep(service, derby);
            setup.results.update(r -> r.expiry = swept);

            // 5. Heap per open wizard, and once the wizards are abandoned (sessions time out after 1 min here).
            BenchResults.WizardHeap wizards = Wizards.heldBy(setup.wizards, service, setup.base);
            setup.results.update(r -> r.wizards = wizards);
        } finally {
            service.stop();
        }

        // 6. One code hash at the configured cost, on this machine and JVM (the service's own JIT).
        BenchResults.CodeHash hash = CodeHashes.time(iterations);
        setup.results.update(r -> r.codeHash = hash);

        // 7. The same expiry on PostgreSQL, the production database, when the benchmark has one.
        if (setup.postgresql.startsWith("jdbc:postgresql:")) {
            expiryOnPostgresql(setup, expiry);
        }
        new BenchReport(setup).write(setup.results.read());
    }

    /**
     * Step 7 alone ({@code expiry-postgresql}): against the WAR of the last build, the service
     * stopped; the report written again when the results hold a whole run.
     */
    static void expiryOnPostgresqlAlone(BenchSetup setup) throws Exception {
        if (!setup.postgresql.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("bench.postgresql (AMELI_IT_POSTGRESQL) names no PostgreSQL server: " + setup.postgresql);
        }
        BenchResults results = expiryOnPostgresql(setup, new ExpiryTiming(setup, CodeHashes.configuredIterations(setup.classes)));
        if (results.finished()) {
            new BenchReport(setup).write(results);
        } else {
            System.out.println("Bench: no whole run in " + setup.dir + " to report on; the PostgreSQL expiry alone is recorded");
        }
    }

    /**
     * Step 4 alone on a fresh embedded Derby ({@code expiry-derby}, the WAR of the last build): the
     * stale accounts' script and the timer checked in a few minutes. Printed only: the results
     * keep the figure of the whole run, on the database the journeys filled.
     */
    static void expiryOnDerbyAlone(BenchSetup setup) throws Exception {
        var data = setup.dir.resolve("data-expiry-derby");
        BenchSetup.deleteTree(data);
        ExpiryTiming expiry = new ExpiryTiming(setup, CodeHashes.configuredIterations(setup.classes));
        BenchResults.Sweep swept = expiry.onItsOwn(ExpiryTiming.Database.derby(data), "expiry-derby");
        System.out.printf("Bench: expiry of %d stale pending accounts, %s: %d ms (%d removed)%n", swept.written(), swept.database(),
                swept.millis(), swept.removed());
    }

    /** The expiry timer on a fresh PostgreSQL database; the results with it. */
    private static BenchResults expiryOnPostgresql(BenchSetup setup, ExpiryTiming expiry) throws Exception {
        var database = ExpiryTiming.Database.freshPostgresql(setup.postgresql, setup.dir.resolve("data-postgresql"));
        BenchResults.Sweep swept = expiry.onItsOwn(database, "expiry-postgresql");
        return setup.results.update(r -> r.expiryPostgresql = swept);
    }

    /**
     * The login page at 50 connections from a light load generator ({@link RawPageLoad}), on the
     * service still running after the simulations: 10 s of warm-up, then the measured run; the
     * service's processor time per page from /proc.
     */
    private BenchResults.RawPage rawLoginPage() throws Exception {
        int connections = setup.users;
        RawPageLoad.run(setup.port, "/", connections, Duration.ofSeconds(10));
        long pid = PayaraMicro.pidOf(setup.pidFile);
        long cpuBefore = PayaraMicro.processorMillis(pid);
        RawPageLoad.Result r = RawPageLoad.run(setup.port, "/", connections, Duration.ofSeconds(setup.loginPageSeconds));
        long cpuMs = PayaraMicro.processorMillis(pid) - cpuBefore;
        System.out.printf("Bench: login page, %d connections: %.0f requests/s, p99 %d ms%n", connections, r.perSecond(),
                r.percentileMillis(99));
        return BenchResults.RawPage.of(r, cpuMs);
    }
}
