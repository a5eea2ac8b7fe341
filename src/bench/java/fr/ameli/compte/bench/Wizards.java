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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The heap held by open wizards, and once they are abandoned: on a copy of the WAR whose sessions
 * time out after 1 minute, so that abandoned wizards are seen to go within the run.
 */
final class Wizards {

    private Wizards() {
    }

    /**
     * The WAR with a 1-minute session timeout and a 10-second session reaper (the real WAR keeps
     * them 20 minutes).
     */
    static Path shortSessionWar(Path war, Path copy) throws IOException {
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
                    // In its place among the elements (after the role mappings, before the
                    // scanning exclusions): misplaced, the server ignores it.
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    int at = xml.lastIndexOf("</security-role-mapping>");
                    if (at < 0) {
                        throw new IllegalStateException("no security-role-mapping in payara-web.xml");
                    }
                    at += "</security-role-mapping>".length();
                    bytes = (xml.substring(0, at) + "\n    <session-config><session-manager><manager-properties>"
                            + "<property name=\"reapIntervalSeconds\" value=\"10\"/>"
                            + "</manager-properties></session-manager></session-config>" + xml.substring(at))
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return copy;
    }

    /**
     * The heap of {@code service} (started from {@link #shortSessionWar}) before {@code count}
     * wizards are opened, with them open, and 80 s later, once their sessions have timed out.
     */
    static BenchResults.WizardHeap heldBy(int count, PayaraMicro service, URI base) throws Exception {
        long before = service.heapUsedAfterGc();
        open(count, base);
        long open = service.heapUsedAfterGc();
        Thread.sleep(Duration.ofSeconds(80).toMillis());
        long abandoned = service.heapUsedAfterGc();
        return new BenchResults.WizardHeap(count, before, open, abandoned);
    }

    /** {@code count} browsers each opening the wizard's first page (a session, a conversation, a view). */
    private static void open(int count, URI base) throws Exception {
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
}
