package fr.ameli.compte.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A provisional 4-digit code sent by post to the register's address, for a person without the
 * serial number of their carte Vitale (PRODUCT §2.3). Only its PBKDF2 hash is kept. It proves the
 * identity once: logging in with it opens the rest of the wizard, and the account created then
 * consumes it.
 */
@Entity
@Table(name = "provisional_code")
public class ProvisionalCode {

    public static final Duration VALIDITY = Duration.ofDays(15);
    /** A provisional code is 4 digits; a code personnel is at least 8 characters, so they never meet. */
    public static final int DIGITS = 4;
    /** How long after logging in with the code the wizard may still create the account. */
    public static final Duration REGISTRATION_WINDOW = Duration.ofHours(2);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;
    @Column(name = "nir", length = 15, nullable = false, updatable = false)
    private String nir;
    @Column(name = "code_hash", length = 512, nullable = false, updatable = false)
    private String codeHash;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;
    @Column(name = "registered_at")
    private Instant registeredAt;

    /** Whether what was typed in the login's code field is a provisional code rather than a code personnel. */
    public static boolean looksLike(String typed) {
        return typed != null && typed.length() == DIGITS && typed.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** A new code, each of the 10,000 equally likely (give a {@code SecureRandom}). */
    public static String newCode(java.util.random.RandomGenerator random) {
        return String.format("%04d", random.nextInt(10_000));
    }

    /** For JPA only. */
    protected ProvisionalCode() {
    }

    public ProvisionalCode(Nir nir, String codeHash, Instant now) {
        this.nir = Objects.requireNonNull(nir, "nir").fullForm();
        this.codeHash = Objects.requireNonNull(codeHash, "codeHash");
        this.createdAt = now;
        this.expiresAt = now.plus(VALIDITY);
    }

    /** Valid: neither used nor expired. */
    public boolean isUsableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Logging in with it: single use. */
    public void use(Instant now) {
        if (!isUsableAt(now)) {
            throw new IllegalStateException("Provisional code not usable");
        }
        usedAt = now;
    }

    /** The account created after logging in with it consumes it (once, shortly after the login). */
    public boolean registerAt(Instant now) {
        if (usedAt == null || registeredAt != null || now.isAfter(usedAt.plus(REGISTRATION_WINDOW))) {
            return false;
        }
        registeredAt = now;
        return true;
    }

    public Nir nir() {
        return Nir.parseFullForm(nir);
    }

    public String codeHash() {
        return codeHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
