package fr.ameli.compte.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code target/bench/results.md}: the Gatling figures of the two simulations and the harness's
 * ({@link BenchResults}), as tables, with the ratios to their targets (docs/BENCHMARKS.md quotes it).
 */
final class BenchReport {

    private final BenchSetup setup;
    private final int cores = Runtime.getRuntime().availableProcessors();

    BenchReport(BenchSetup setup) {
        this.setup = setup;
    }

    void write(BenchResults results) throws IOException {
        if (!results.finished()) {
            throw new IllegalStateException("no whole run in " + setup.dir + " to report on (mvn -B -Pbench verify)");
        }
        GatlingRun journey = GatlingRun.latest(setup.gatlingResults, "journeysimulation");
        GatlingRun loginPage = GatlingRun.latest(setup.gatlingResults, "loginpagesimulation");
        StringBuilder md = new StringBuilder();
        md.append("Run of ").append(Instant.now()).append(", ").append(cores).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", service JVM options ").append(PayaraMicro.JVM_OPTIONS).append("\n\n");
        Throughput throughput = journeys(md, journey, results);
        figures(md, results, throughput, loginPage);
        Path out = setup.dir.resolve("results.md");
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);
        System.out.println("Bench: written to " + out);
    }

    /** Registrations per second (registrations only) and whole journeys per second, from the journey simulation. */
    private record Throughput(double registrations, double journeys) {
    }

    /** The request tables of the journey simulation, the service's processor time, the simulation's totals. */
    private Throughput journeys(StringBuilder md, GatlingRun journey, BenchResults results) {
        md.append("Registrations only (up to the mail sent), 50 users, ").append(setup.registrationSeconds).append(" s:\n\n");
        double registrations = requestTable(md, journey, JourneySimulation.REGISTRATIONS_ONLY, JourneySimulation.REGISTRATION,
                setup.registrationSeconds);
        md.append("\nWhole journeys, 50 users, ").append(setup.journeySeconds).append(" s:\n\n");
        double journeys = requestTable(md, journey, "", JourneySimulation.MY_SPACE, setup.journeySeconds);
        BenchResults.ProcessorTime time = results.journeyProcessor;
        if (time != null) {
            long hashes = 0;
            for (JsonNode request : journey.requests) {
                String name = request.path("stats").path("name").asText().replace(JourneySimulation.WARM_UP, "")
                        .replace(JourneySimulation.REGISTRATIONS_ONLY, "");
                if (name.equals(JourneySimulation.REGISTRATION) || name.equals(JourneySimulation.LOGIN)) {
                    hashes += request.path("stats").path("numberOfRequests").path("total").asLong();
                }
            }
            double cpu = time.cpuSeconds();
            double wall = time.wallSeconds();
            long hashMs = results.codeHash.millis();
            double hashing = hashes * hashMs / 1000.0;
            md.append(String.format("%nService processor time during the journey simulation: %.0f s of %.0f s × %d cores = %.0f %% "
                            + "(the rest: Gatling, its SMTP relay, the system); of it, %d hashes × %s ms = %.0f s hashing (%.0f %%).%n",
                    cpu, wall, cores, 100 * cpu / (wall * cores), hashes, hashMs, hashing, 100 * hashing / cpu));
        }
        md.append(String.format("%nJourney simulation (20-s warm-up, registrations only, whole journeys): %d requests, %d KO.%n%n",
                journey.all.path("numberOfRequests").path("total").asLong(), journey.all.path("numberOfRequests").path("ko").asLong()));
        return new Throughput(registrations, journeys);
    }

    /** The table of figures against their targets. */
    private void figures(StringBuilder md, BenchResults results, Throughput throughput, GatlingRun loginPage) {
        BenchResults.CodeHash hash = results.codeHash;
        double hashLimit = cores * 1000.0 / hash.millis();
        BenchResults.ColdStarts cold = results.startup.coldStarts();
        BenchResults.WizardHeap wizards = results.wizards;
        md.append("| figure | measured | target |\n|---|---|---|\n");
        md.append(String.format("| code hash (PBKDF2-SHA256, %s iterations) | %d ms → hash-bound limit %.2f hashes/s on %d cores | |%n",
                hash.iterations(), hash.millis(), hashLimit, cores));
        md.append(String.format("| registrations/s at 50 users (registrations only) | %.2f/s = %.2f of the limit | ≥ 0.8 |%n",
                throughput.registrations(), throughput.registrations() / hashLimit));
        md.append(String.format("| journeys/s (register, mail link, activation, login, Mon espace: 2 hashes each) | %.2f/s = %.2f of the limit for 2 hashes (%.2f/s) | Keycloak 1.15/s |%n",
                throughput.journeys(), throughput.journeys() * 2 / hashLimit, hashLimit / 2));
        md.append(String.format("| cold start to the login page / empty WAR (shorter of 2 each: %s) | %d ms / %d ms = %.2f | ≤ 1.5 |%n",
                cold.all(), cold.serviceMillis(), cold.emptyWarMillis(), (double) cold.serviceMillis() / cold.emptyWarMillis()));
        expiry(md, results.expiry);
        if (results.expiryPostgresql != null) {
            expiry(md, results.expiryPostgresql);
        }
        md.append(String.format("| heap per open wizard (%d wizards) | %.1f KiB (%d MiB → %d MiB) | small |%n", wizards.count(),
                (wizards.openBytes() - wizards.beforeBytes()) / 1024.0 / wizards.count(), wizards.beforeBytes() >> 20, wizards.openBytes() >> 20));
        md.append(String.format("| heap after the %d wizards were abandoned (sessions timed out) | %d MiB (%+d MiB from before) | flat |%n",
                wizards.count(), wizards.abandonedBytes() >> 20, (wizards.abandonedBytes() - wizards.beforeBytes()) >> 20));
        BenchResults.Startup startup = results.startup;
        md.append(String.format("| register CSV import | %s rows in %d ms = %.0f rows/s | |%n", startup.registerRows(),
                startup.importMillis(), startup.registerRows() * 1000.0 / startup.importMillis()));
        loginPage(md, results, loginPage);
    }

    private static void expiry(StringBuilder md, BenchResults.Sweep sweep) {
        md.append(String.format("| expiry of %d stale pending accounts, %s | %d ms (%d removed) | ≤ 5 s |%n", sweep.written(),
                sweep.database(), sweep.millis(), sweep.removed()));
    }

    /** The login page's rows: Gatling's, the light generator's, the heap around them, each of Gatling's requests. */
    private void loginPage(StringBuilder md, BenchResults results, GatlingRun loginPage) {
        JsonNode page = loginPage.request(LoginPageSimulation.PAGE);
        JsonNode styleSheet = loginPage.request(LoginPageSimulation.STYLE_SHEET);
        md.append(String.format("| login page at 50 connections, Gatling (browsers with a cache, generator on the same cores) | %.0f requests/s, p95 %d ms, p99 %d ms, %d KO; "
                        + "style sheet fetched %d times (once per browser) | ≥ 1,000/s, p99 ≤ 100 ms |%n",
                page.path("numberOfRequests").path("ok").asDouble() / setup.loginPageSeconds, page.path("percentiles3").path("ok").asLong(),
                page.path("percentiles4").path("ok").asLong(), page.path("numberOfRequests").path("ko").asLong(),
                styleSheet.path("numberOfRequests").path("total").asLong()));
        BenchResults.RawPage raw = results.rawPage;
        if (raw != null) {
            md.append(String.format("| login page at 50 connections, light load generator (RawPageLoad) | %.0f requests/s, p50 %d ms, "
                            + "p95 %d ms, p99 %d ms, max %d ms, %d failed, %d session cookies; service processor time %.2f ms per page "
                            + "| ≥ 1,000/s, p99 ≤ 100 ms |%n",
                    raw.requests() / (raw.millis() / 1000.0), raw.p50Millis(), raw.p95Millis(), raw.p99Millis(), raw.maxMillis(),
                    raw.failures(), raw.sessionCookies(), raw.serviceCpuMillis() / (double) raw.requests()));
        }
        BenchResults.LoginPageHeap heap = results.loginPageHeap;
        if (heap != null) {
            md.append(String.format("| heap before / after the login-page run | %d MiB / %d MiB | flat |%n", heap.beforeBytes() >> 20,
                    heap.afterBytes() >> 20));
        }
        for (JsonNode request : loginPage.requests) {
            JsonNode s = request.path("stats");
            md.append(String.format("| · %s | %d requests, p95 %d ms, p99 %d ms | |%n", s.path("name").asText(),
                    s.path("numberOfRequests").path("total").asLong(), s.path("percentiles3").path("total").asLong(),
                    s.path("percentiles4").path("total").asLong()));
        }
    }

    /**
     * The table of the requests whose names start with {@code phase} (and no other phase's), and
     * the number per second of {@code completing} requests in the {@code seconds} of the phase.
     */
    private static double requestTable(StringBuilder md, GatlingRun simulation, String phase, String completing, long seconds) {
        md.append("| request (50 users) | count OK | KO | mean ms | p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|---|\n");
        double perSecond = 0;
        for (JsonNode request : simulation.requests) {
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
}
