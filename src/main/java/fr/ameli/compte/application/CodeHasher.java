package fr.ameli.compte.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;
import java.util.Optional;

/**
 * Codes personnels as salted, slow hashes (SPEC §5): Jakarta Security's PBKDF2 with
 * HMAC-SHA256, the configured number of iterations (600,000 by default) and a random salt per
 * code. The stored form carries its own parameters, so raising the iterations later still
 * verifies older hashes.
 */
@ApplicationScoped
public class CodeHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;
    @Inject
    ServiceSettings settings;

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
            pbkdf2.verify((code == null ? "" : code).toCharArray(), decoy);
            return false;
        }
        return verify(code, storedHash.get());
    }

    public String hash(String code) {
        return pbkdf2.generate(code.toCharArray());
    }

    public boolean verify(String code, String storedHash) {
        return code != null && storedHash != null && pbkdf2.verify(code.toCharArray(), storedHash);
    }
}
