package fr.ameli.compte.infrastructure.security;

import fr.ameli.compte.domain.code.CommonCodes;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;

/**
 * The list of common codes that rule 6 refuses (PRODUCT §2.5), read once at start-up from the
 * WAR's own {@value #RESOURCE}: the 100,000 most common passwords of the "10 million passwords"
 * corpus, most frequent first, one a line (README « Common codes list »; its licences are in
 * {@code common-codes.LICENSE.txt} beside it). Nothing is fetched at run time, and the list never
 * goes to the browser: the page asks the server as the person types.
 *
 * <p>Held as a sorted {@code long[]} of a 64-bit hash of each entry in lowercase: 8 bytes an entry,
 * 0.77 MB in all (BENCHMARKS « Common codes list »), no object per entry for the collector to
 * walk, one binary search per look-up. A sorted {@code String[]} of the same entries takes 5.1 MB,
 * a {@code HashSet<String>} 8.8 MB; a Bloom filter less, but it refuses a share of the codes it
 * never saw (one in a hundred at 1 %). Two codes share a 64-bit hash with a chance of about 10<sup>5</sup> in
 * 2<sup>64</sup> per look-up: a code wrongly refused that rarely is no concern.
 *
 * <p>Read on the server's managed executor as the application starts, so that the first page does
 * not wait for it (0.7 s, BENCHMARKS « Cold start »); a look-up before it is read waits for it.
 */
@ApplicationScoped
public class CommonCodesList implements CommonCodes {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CommonCodesList.class.getName());
    static final String RESOURCE = "common-codes.txt.gz";

    @Resource
    transient ManagedExecutorService executor;

    /** Never serialized: the container serializes a client proxy of this application-scoped bean, not the bean. */
    private transient CompletableFuture<long[]> hashes;

    @PostConstruct
    void start() {
        loadWith(executor);
    }

    /** Reads the list now, in this thread. */
    void load() {
        loadWith(Runnable::run);
    }

    void loadWith(Executor reader) {
        hashes = CompletableFuture.supplyAsync(CommonCodesList::readResource, reader);
        hashes.whenComplete((read, failure) -> {
            if (failure != null) {
                LOG.log(Level.SEVERE, "The list of common codes cannot be read: codes cannot be chosen", failure);
            }
        });
    }

    private static long[] readResource() {
        long[] read;
        try (InputStream in = CommonCodesList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The list of common codes " + RESOURCE + " is missing from the WAR");
            }
            read = read(new GZIPInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("The list of common codes " + RESOURCE + " cannot be read", e);
        }
        int entries = read.length;
        LOG.info(() -> "List of common codes loaded: " + entries + " distinct entries, ignoring case");
        return read;
    }

    /** Read at start-up rather than when the first person types a code. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        // the bean exists: start() began reading the list
    }

    @Override
    public boolean contains(String lowercase) {
        return Arrays.binarySearch(hashes.join(), hash(lowercase)) >= 0;
    }

    /** How many distinct entries, once in lowercase. */
    public int size() {
        return hashes.join().length;
    }

    /** The sorted, distinct hashes of the lines of {@code text} (UTF-8), each in lowercase; blank lines skipped. */
    static long[] read(InputStream text) throws IOException {
        long[] read = new long[1 << 17];
        int count = 0;
        BufferedReader lines = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            if (count == read.length) {
                read = Arrays.copyOf(read, 2 * count);
            }
            read[count++] = hash(line.toLowerCase(Locale.ROOT));
        }
        long[] sorted = Arrays.copyOf(read, count);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    /** The first 8 bytes of the SHA-256 of the UTF-8 bytes: evenly spread, whatever the entries look like. */
    static long hash(String entry) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(entry.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
