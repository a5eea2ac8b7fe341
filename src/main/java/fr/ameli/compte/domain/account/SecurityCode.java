package fr.ameli.compte.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * The security code of the login's second step (PRODUCT §2.10): 6 digits mailed to the account's
 * address after a correct code personnel. Only its keyed hash is kept; one code at a time per
 * account; it works once, until it expires, and three wrong tries spend it.
 */
@Entity
@Table(name = "security_code")
public class SecurityCode {

    public static final int DIGITS = 6;
    public static final int TRIES = 3;

    /** How a try went. */
    public enum Try { ACCEPTED, WRONG, SPENT }

    @Id
    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;
    @Column(name = "code_hash", length = 64, nullable = false, updatable = false)
    private String codeHash;
    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;
    @Column(name = "wrong_tries", nullable = false)
    private int wrongTries;
    @Column(name = "used_at")
    private Instant usedAt;

    /** For JPA only. */
    protected SecurityCode() {
    }

    public SecurityCode(long accountId, String codeHash, Instant expiresAt) {
        this.accountId = accountId;
        this.codeHash = Objects.requireNonNull(codeHash, "codeHash");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A new code, each of the 1,000,000 equally likely (give a {@code SecureRandom}). */
    public static String newCode(java.util.random.RandomGenerator random) {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    /** Whether what was typed has the shape of a security code (6 digits, spaces around forgiven). */
    public static boolean looksLike(String typed) {
        return typed != null && typed.strip().length() == DIGITS && typed.strip().chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A try with the hash of what was typed: accepted once; a wrong one counts; spent after the third, or once expired or used. */
    public Try tryWith(String typedHash, Instant now) {
        if (usedAt != null || wrongTries >= TRIES || !now.isBefore(expiresAt)) {
            return Try.SPENT;
        }
        if (MessageDigest.isEqual(codeHash.getBytes(StandardCharsets.US_ASCII), typedHash.getBytes(StandardCharsets.US_ASCII))) {
            usedAt = now;
            return Try.ACCEPTED;
        }
        wrongTries++;
        return wrongTries >= TRIES ? Try.SPENT : Try.WRONG;
    }

    /** Tries left before the code is spent. */
    public int triesLeft() {
        return Math.max(0, TRIES - wrongTries);
    }

    public long accountId() {
        return accountId;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
