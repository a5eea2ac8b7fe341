package fr.ameli.compte.infrastructure.security;

import fr.ameli.compte.application.security.CodeHasher;
import fr.ameli.compte.application.shared.ClientOrigin;
import fr.ameli.compte.application.shared.RequestAdmission;
import fr.ameli.compte.application.security.SecretTokens;
import fr.ameli.compte.application.shared.ServiceSettings;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@link CodeHasher} with PBKDF2 (PRODUCT §5): HMAC-SHA256, {@code ameli.code.hash-iterations}
 * iterations (600,000 by default) and a random salt per code, in Jakarta Security's stored form
 * (algorithm:iterations:salt:key), which carries its own parameters, so raising the iterations later
 * still verifies older hashes. The key is derived by {@link Pbkdf2Sha256}: the JDK's keys, without
 * the JDK's 28.8 MB of garbage per hash.
 *
 * <p>Hashes run on their own threads, one per core, at the lowest priority; the request thread
 * waits for its hash in a first-come first-served queue without using the processor, having given
 * its {@link RequestAdmission turn} to the next request. Fifty
 * people validating at once would otherwise share the cores fifty ways: each hash would take
 * fifty times longer, and every other page of the service would crawl meanwhile. This way the
 * hashes keep every core busy when nothing else needs it, and any other page takes a core from
 * them at once (with {@code -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19} the
 * lowest Java priority is the lowest Linux priority; without them, the queue alone still keeps
 * hashing to one thread per core). The queue is bounded, in all and per client address
 * ({@code ameli.code.hashes-waiting}, {@code ameli.code.hashes-per-address}, {@link HashingQueue}):
 * past it a hash is refused at once with {@link fr.ameli.compte.application.shared.ServiceBusy}.
 * No caller hashes inside a transaction: a hash would hold a pooled database connection.
 */
@ApplicationScoped
public class Pbkdf2CodeHasher implements CodeHasher {

    /** How every code is hashed, and the form Jakarta Security stores it in (iterations, Base64 salt, Base64 key); the benchmark reads them here. */
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final String STORED_FORM = ALGORITHM + ":%d:%s:%s";
    public static final int SALT_BYTES = 16;
    public static final int KEY_BYTES = 32;

    @Inject
    ServiceSettings settings;
    @Inject
    RequestAdmission admission;
    @Inject
    ClientOrigin origin;

    @Resource
    ManagedThreadFactory threads;
    private HashingQueue hashing;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A hash of a random code, verified when there is no account: the same work, the same time. */
    private String decoy;

    @PostConstruct
    void configure() {
        AtomicInteger number = new AtomicInteger();
        hashing = new HashingQueue(Runtime.getRuntime().availableProcessors(), settings.codeHashesWaiting(),
                settings.codeHashesPerAddress(), task -> {
                    Thread thread = threads.newThread(task);
                    thread.setName("code-hashing-" + number.incrementAndGet());
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
        decoy = hash(SecretTokens.newToken());
    }

    /**
     * Made at start-up rather than in the first request that needs it: the decoy's hash is then
     * not made while requests wait for this bean.
     */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
        // the bean exists: configure() ran
    }

    @Override
    public boolean verify(String code, Optional<String> storedHash) {
        if (storedHash.isEmpty()) {
            oneCore(() -> matches((code == null ? "" : code).toCharArray(), decoy));
            return false;
        }
        return verify(code, storedHash.get());
    }

    @Override
    public String hash(String code) {
        return oneCore(() -> generate(code.toCharArray()));
    }

    @Override
    public boolean verify(String code, String storedHash) {
        return code != null && storedHash != null && oneCore(() -> matches(code.toCharArray(), storedHash));
    }

    /** A new salted hash of {@code code}, in the stored form (Jakarta Security's: algorithm:iterations:salt:key, Base64). */
    private String generate(char[] code) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        int iterations = settings.codeHashIterations();
        return String.format(STORED_FORM, iterations, Base64.getEncoder().encodeToString(salt),
                Base64.getEncoder().encodeToString(Pbkdf2Sha256.derive(code, salt, iterations, KEY_BYTES)));
    }

    /** Whether {@code code} gives the stored hash, with the stored parameters (false for a form it does not know). */
    static boolean matches(char[] code, String stored) {
        String[] parts = stored.split(":");
        if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] key = Base64.getDecoder().decode(parts[3]);
            return iterations > 0 && key.length > 0 && key.length <= KEY_BYTES
                    && MessageDigest.isEqual(key, Pbkdf2Sha256.derive(code, salt, iterations, key.length));
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    @PreDestroy
    void stop() {
        hashing.close();
    }

    /** This request's client address, or null outside a request (start-up, timers). */
    private String clientAddress() {
        try {
            return origin.address();
        } catch (jakarta.enterprise.context.ContextNotActiveException outsideARequest) {
            return null;
        }
    }

    /** Runs {@code work} on a hashing thread and waits for it, this request's turn given to the next one. */
    private <T> T oneCore(Supplier<T> work) {
        try {
            return admission.stepAsideWhile(() -> hashing.submit(clientAddress(), work::get).get());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a code hash", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
