package fr.ameli.compte.bench;

/**
 * Every figure of a benchmark run, as {@link ResultsFile} keeps it between the run's processes,
 * each part a record set by the step that measures it: bench-prepare ({@link #startup}), the
 * login-page simulation ({@link #loginPageHeap}), the journey simulation
 * ({@link #journeyProcessor}), bench-finish (the others). A part not measured (yet) is null; the
 * report ({@link BenchReport}) reads them all.
 */
final class BenchResults {

    Startup startup;
    LoginPageHeap loginPageHeap;
    ProcessorTime journeyProcessor;
    RawPage rawPage;
    /** On the database of the service that the simulations filled, embedded Derby. */
    Sweep expiry;
    WizardHeap wizards;
    CodeHash codeHash;
    /** On a fresh PostgreSQL database, when the benchmark has a server. */
    Sweep expiryPostgresql;

    /** The register imported through the CSV import; the cold starts; the heap of the service left for Gatling. */
    record Startup(long registerRows, long importMillis, ColdStarts coldStarts, long heapAtStartBytes) {
    }

    /**
     * Two starts of each, alternating, to the first page answered: a start can only be slowed
     * down by something else, so each figure is the shorter of its two. The empty WAR runs on
     * Payara Micro as it comes ({@code java -jar payara-micro.jar}); the service as the Docker
     * image runs it, with its class-data archive; {@code serviceWithoutArchiveMillis} is one start
     * of the service without the archive, for what the archive wins.
     */
    record ColdStarts(long emptyWarFirstMillis, long emptyWarSecondMillis, long serviceFirstMillis, long serviceSecondMillis,
                      long serviceWithoutArchiveMillis) {

        long emptyWarMillis() {
            return Math.min(emptyWarFirstMillis, emptyWarSecondMillis);
        }

        long serviceMillis() {
            return Math.min(serviceFirstMillis, serviceSecondMillis);
        }

        String all() {
            return "empty WAR " + emptyWarFirstMillis + " and " + emptyWarSecondMillis + " ms, service "
                    + serviceFirstMillis + " and " + serviceSecondMillis + " ms with its class-data archive, "
                    + serviceWithoutArchiveMillis + " ms without";
        }
    }

    /** The service's heap after full GCs, before and after the login-page simulation. */
    record LoginPageHeap(long beforeBytes, long afterBytes) {
    }

    /** The service's processor time (Linux /proc) and the clock, at the start and end of a simulation. */
    record ProcessorTime(long startCpuMillis, long startWallMillis, long endCpuMillis, long endWallMillis) {

        double cpuSeconds() {
            return (endCpuMillis - startCpuMillis) / 1000.0;
        }

        double wallSeconds() {
            return (endWallMillis - startWallMillis) / 1000.0;
        }
    }

    /** The login page from the light load generator ({@link RawPageLoad}), and the service's processor time meanwhile. */
    record RawPage(long requests, long millis, long failures, long sessionCookies, long p50Millis, long p95Millis,
                   long p99Millis, long maxMillis, long serviceCpuMillis) {

        static RawPage of(RawPageLoad.Result r, long serviceCpuMillis) {
            return new RawPage(r.requests(), r.length().toMillis(), r.failures(), r.sessionCookies(), r.percentileMillis(50),
                    r.percentileMillis(95), r.percentileMillis(99), r.percentileMillis(100), serviceCpuMillis);
        }
    }

    /** One sweep of the expiry timer: on which database, the stale accounts written, removed, and its time. */
    record Sweep(String database, int written, long removed, long millis) {
    }

    /** The service's heap after full GCs: before {@code count} wizards are opened, with them open, once abandoned. */
    record WizardHeap(int count, long beforeBytes, long openBytes, long abandonedBytes) {
    }

    /** One code hash at the configured cost: the median time. */
    record CodeHash(int iterations, long millis) {
    }

    /** Whether bench-finish has run on this run's figures: the report can then be written. */
    boolean finished() {
        return startup != null && rawPage != null && expiry != null && wizards != null && codeHash != null;
    }
}
