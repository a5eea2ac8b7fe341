package fr.ameli.compte.bench;

/**
 * The parts of the benchmark that are not Gatling's, as the bench profile of pom.xml runs them
 * around the two simulations (exec-maven-plugin, one argument):
 *
 * <ul>
 * <li>{@code prepare} (execution bench-prepare, before): {@link BenchPrepare};</li>
 * <li>{@code finish} (execution bench-finish, after): {@link BenchFinish}, then the report;</li>
 * <li>{@code report}: the report of the last run again ({@link BenchReport}, target/bench/results.md);</li>
 * <li>{@code expiry-postgresql}: the PostgreSQL expiry alone, on the WAR of the last build (the
 *     service stopped), then the report again when the last run was whole;</li>
 * <li>{@code expiry-derby}: the expiry alone on a fresh embedded Derby, printed (a check of the
 *     stale accounts' script and of the timer in a few minutes).</li>
 * </ul>
 *
 * The figures of a run go to target/bench/results.json ({@link ResultsFile}) as they are measured.
 */
public final class BenchHarness {

    private BenchHarness() {
    }

    public static void main(String[] args) throws Exception {
        String step = args.length == 0 ? "" : args[0];
        BenchSetup setup = new BenchSetup();
        switch (step) {
            case "prepare" -> new BenchPrepare(setup).run();
            case "finish" -> new BenchFinish(setup).run();
            case "report" -> new BenchReport(setup).write(setup.results.read());
            case "expiry-postgresql" -> BenchFinish.expiryOnPostgresqlAlone(setup);
            case "expiry-derby" -> BenchFinish.expiryOnDerbyAlone(setup);
            default -> throw new IllegalArgumentException("prepare, finish, report, expiry-postgresql or expiry-derby, not " + step);
        }
    }
}
