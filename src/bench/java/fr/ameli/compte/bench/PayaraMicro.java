package fr.ameli.compte.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Payara Micro process of the benchmark, started the way operators start it (README « Deploying
 * the WAR », the Docker image's JVM options: default JIT, which PBKDF2 needs), its console written
 * to a log file, its heap read with {@code jcmd}.
 */
final class PayaraMicro {

    /**
     * The JVM options of the Docker image, with a fixed heap ceiling for comparable runs: the
     * lowest Java thread priority is Linux's lowest (the code-hashing threads, see Pbkdf2CodeHasher).
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx768m", "-XX:+ExitOnOutOfMemoryError",
            "-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19",
            // Should a Derby lock wait time out, the log shows who held what (diagnostics only).
            "-Dderby.locks.deadlockTrace=true", "-Dderby.locks.monitor=true");

    private final Process process;
    private final Path log;
    private final long launchedAt;

    private PayaraMicro(Process process, Path log, long launchedAt) {
        this.process = process;
        this.log = log;
        this.launchedAt = launchedAt;
    }

    static PayaraMicro start(Path microJar, Path war, int port, Path payaraConfig, Map<String, String> systemProperties,
                             Path log) throws IOException {
        return start(List.of(java()), List.of("-jar", microJar.toString()), war, port, payaraConfig, systemProperties, log);
    }

    /**
     * Payara Micro started by {@code launch} (the {@code java} command, or a script that execs it),
     * the JVM options and system properties, then {@code beforeArguments} (the jar to run, or the
     * script's separator) and Payara Micro's arguments.
     */
    static PayaraMicro start(List<String> launch, List<String> beforeArguments, Path war, int port, Path payaraConfig,
                             Map<String, String> systemProperties, Path log) throws IOException {
        List<String> command = new ArrayList<>(launch);
        command.addAll(JVM_OPTIONS);
        command.add("-Djava.io.tmpdir=" + log.getParent().toAbsolutePath());
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(beforeArguments);
        command.addAll(List.of("--deploy", war.toString(), "--contextroot", "/",
                "--port", String.valueOf(port), "--nocluster"));
        if (payaraConfig != null) {
            command.addAll(List.of("--prebootcommandfile", payaraConfig.resolve("pre-boot-commands.asadmin").toString(),
                    "--postbootcommandfile", payaraConfig.resolve("post-boot-commands.asadmin").toString()));
        }
        Files.createDirectories(log.getParent());
        long launchedAt = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA", java()); // for a launching script
        Process p = builder.start();
        return new PayaraMicro(p, log, launchedAt);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code url} answers 200; returns the time since the launch. */
    Duration awaitOk(URI url, Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro stopped during start-up; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - launchedAt);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(url + " did not answer 200 within " + limit + "; see " + log);
    }

    /** The first group of {@code pattern} in the log, waiting for it up to {@code limit}. */
    Optional<String> awaitLog(Pattern pattern, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return Optional.of(m.group(1));
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline && process.isAlive());
        return Optional.empty();
    }

    /** The processor time a process has used so far, in milliseconds (utime + stime from Linux /proc). */
    static long processorMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // ticks of 10 ms
    }

    /** Heap in use after full collections, in bytes. */
    long heapUsedAfterGc() throws IOException, InterruptedException {
        return heapUsedAfterGc(pid());
    }

    static long heapUsedAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = Pattern.compile("heap\\s+total\\s+\\d+K, used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("heap not found in: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static String jcmd(long pid, String what) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), what).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** SIGTERM, as an operator stops it; killed if it has not stopped within 30 s. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The process id that a pid file holds. */
    static long pidOf(Path pidFile) throws IOException {
        return Long.parseLong(Files.readString(pidFile).strip());
    }

    /** Stops the process of a pid file left by an earlier step (or an interrupted run). */
    static void stop(Path pidFile) throws IOException, InterruptedException {
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pidOf(pidFile));
        if (handle.isPresent() && handle.get().info().command().orElse("").endsWith("java")) {
            handle.get().destroy();
            long deadline = System.currentTimeMillis() + 30_000;
            while (handle.get().isAlive() && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
            if (handle.get().isAlive()) {
                handle.get().destroyForcibly();
            }
        }
        Files.delete(pidFile);
    }
}
