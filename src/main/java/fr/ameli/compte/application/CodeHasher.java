package fr.ameli.compte.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Codes personnels as salted, slow hashes (SPEC §5): Jakarta Security's PBKDF2 with
 * HMAC-SHA256, the configured number of iterations (600,000 by default) and a random salt per
 * code. The stored form carries its own parameters, so raising the iterations later still
 * verifies older hashes.
 *
 * <p>At most one hash per core runs at a time; other requests wait their turn without using the
 * processor. Fifty people validating at once would otherwise share the cores fifty ways: each
 * hash would take fifty times longer, and every other page of the service would crawl meanwhile.
 * Queued this way, the hashes keep every core busy, each person's wait is the queue ahead of
 * them, and the other pages still find a core at once.
 */
@ApplicationScoped
public class CodeHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;
    @Inject
    ServiceSettings settings;

    private final Semaphore cores = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    /** A hash of a random code, verified when there is no account: the same work, the same time. */
    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(settings.codeHashIterations()),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = hash(SecretTokens.newToken());
    }

    /**
     * Checks a code against a hash that may not exist (a NIR without account or provisional
     * code): then the same work is spent on a decoy and the answer is false, so that the timing
     * does not tell which NIRs have one.
     */
    public boolean verify(String code, Optional<String> storedHash) {
        if (storedHash.isEmpty()) {
            oneCore(() -> pbkdf2.verify((code == null ? "" : code).toCharArray(), decoy));
            return false;
        }
        return verify(code, storedHash.get());
    }

    public String hash(String code) {
        return oneCore(() -> pbkdf2.generate(code.toCharArray()));
    }

    public boolean verify(String code, String storedHash) {
        return code != null && storedHash != null && oneCore(() -> pbkdf2.verify(code.toCharArray(), storedHash));
    }

    private <T> T oneCore(Supplier<T> work) {
        cores.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            cores.release();
        }
    }
}
