package fr.ameli.compte.application.security;

import java.util.Optional;

/**
 * Codes (personnels and provisional) as salted, slow hashes (PRODUCT §5); the stored form carries
 * its own parameters. Implemented with PBKDF2 in {@code infrastructure.security}. A request waiting
 * for a hash gives its {@link RequestAdmission turn} to the next one.
 */
public interface CodeHasher {

    String hash(String code);

    boolean verify(String code, String storedHash);

    /**
     * Checks a code against a hash that may not exist (a NIR without account or provisional
     * code): then the same work is spent on a decoy and the answer is false, so that the timing
     * does not tell which NIRs have one.
     */
    boolean verify(String code, Optional<String> storedHash);
}
