package fr.ameli.compte.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The login page at N connections kept alive, as fast as they go, from a load generator that
 * costs the processor almost nothing (plain sockets, one thread per connection, no checks but the
 * status and the absence of a session cookie): on a 2-core machine shared with the service, the
 * figure is then the service's, not the generator's. Gatling (LoginPageSimulation) measures the
 * same page with a full HTTP client and its cache.
 */
final class RawPageLoad {

    record Result(long requests, long failures, long sessionCookies, Duration length, long[] sortedNanos) {

        double perSecond() {
            return requests * 1e9 / length.toNanos();
        }

        long percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(p / 100 * sortedNanos.length) - 1)] / 1_000_000;
        }
    }

    private RawPageLoad() {
    }

    static Result run(int port, String path, int connections, Duration length) throws InterruptedException {
        long end = System.nanoTime() + length.toNanos();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger sessionCookies = new AtomicInteger();
        List<long[]> latencies = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            long[] mine = new long[1 << 16];
            int[] count = new int[1];
            latencies.add(mine);
            counts.add(count);
            int visitor = i;
            Thread t = new Thread(() -> {
                // Each connection a visitor of its own address (the service trusts 127.0.0.1 as its proxy and
                // gives one address a share of its requests: ameli.requests.per-address).
                byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nX-Forwarded-For: 10.7." + visitor / 250 + "." + (visitor % 250 + 1)
                        + "\r\nAccept: text/html\r\nUser-Agent: bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                Socket socket = null;
                while (System.nanoTime() < end) {
                    try {
                        if (socket == null) {
                            socket = new Socket("127.0.0.1", port);
                            socket.setTcpNoDelay(true);
                        }
                        InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                        OutputStream out = socket.getOutputStream();
                        while (System.nanoTime() < end) {
                            long t0 = System.nanoTime();
                            out.write(request);
                            out.flush();
                            Response r = read(in);
                            long took = System.nanoTime() - t0;
                            if (r.status != 200) {
                                failures.incrementAndGet();
                            }
                            if (r.sessionCookie) {
                                sessionCookies.incrementAndGet();
                            }
                            if (count[0] < mine.length) {
                                mine[count[0]++] = took;
                            }
                            if (r.close) {
                                break;
                            }
                        }
                        socket.close();
                        socket = null;
                    } catch (IOException e) {
                        failures.incrementAndGet();
                        socket = null;
                    }
                }
            });
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        int total = counts.stream().mapToInt(c -> c[0]).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < latencies.size(); i++) {
            System.arraycopy(latencies.get(i), 0, all, at, counts.get(i)[0]);
            at += counts.get(i)[0];
        }
        Arrays.sort(all);
        return new Result(total, failures.get(), sessionCookies.get(), took, all);
    }

    private record Response(int status, boolean sessionCookie, boolean close) {
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked body, discarded). */
    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        boolean sessionCookie = false;
        boolean close = false;
        for (String header; !(header = line(in)).isEmpty(); ) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(header.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("set-cookie:") && lower.contains("jsessionid=")) {
                sessionCookie = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size; (size = Long.parseLong(line(in).split(";")[0].strip(), 16)) > 0; ) {
                skip(in, size);
                line(in);
            }
            while (!line(in).isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            skip(in, length);
        }
        return new Response(status, sessionCookie, close);
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed in a body");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                int size = bytes.size();
                byte[] raw = bytes.toByteArray();
                return new String(raw, 0, size > 0 && raw[size - 1] == '\r' ? size - 1 : size, StandardCharsets.US_ASCII);
            }
            bytes.write(b);
        }
        throw new IOException("connection closed");
    }
}
