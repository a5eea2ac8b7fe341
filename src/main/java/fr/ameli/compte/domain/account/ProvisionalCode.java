package fr.ameli.compte.domain.account;

import fr.ameli.compte.domain.person.Nir;
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
 * consumes it — the one the wizard holds, by its id. With only 10,000 values it is spent after
 * {@value #TRIES} tries in all, from any address or browser; each try is counted before the code is
 * checked ({@link #startTry}), so that tries at the same instant all count.
 */
@Entity
@Table(name = "provisional_code")
public class ProvisionalCode {

    public static final Duration VALIDITY = Duration.ofDays(15);
    /** A provisional code is 4 digits; a code personnel is at least 8 characters, so they never meet. */
    public static final int DIGITS = 4;
    /** How long after logging in with the code the wizard may still create the account. */
    public static final Duration REGISTRATION_WINDOW = Duration.ofHours(2);
    /** Tries of one code, in all: the fifth wrong one spends it. */
    public static final int TRIES = 5;
    /** At most this many letters for one NIR in {@link #LETTER_PERIOD}; each new one replaces the last. */
    public static final int LETTERS_PER_PERIOD = 3;
    public static final Duration LETTER_PERIOD = Duration.ofDays(90);

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
    @Column(name = "tries", nullable = false)
    private int tries;

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

    /** Valid: neither used, nor expired, nor spent by its tries. */
    public boolean isUsableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt) && tries < TRIES;
    }

    /** Whether wrong tries spent it (it was never used to log in). */
    public boolean isSpentByTries() {
        return usedAt == null && tries >= TRIES;
    }

    /**
     * A try of the code is about to be checked: counted first. False when the code can no longer be
     * tried (used, expired or spent): the try must not be checked.
     */
    public boolean startTry(Instant now) {
        if (!isUsableAt(now)) {
            return false;
        }
        tries++;
        return true;
    }

    /**
     * A try that {@link #startTry started} gave the right code: the login uses it, once. False when
     * the code was used meanwhile (by a try at the same instant) or expired.
     */
    public boolean useAfterTry(Instant now) {
        if (usedAt != null || !now.isBefore(expiresAt)) {
            return false;
        }
        usedAt = now;
        return true;
    }

    /** The account created after logging in with it consumes it (once, shortly after the login). */
    public boolean registerAt(Instant now) {
        if (usedAt == null || registeredAt != null || now.isAfter(usedAt.plus(REGISTRATION_WINDOW))) {
            return false;
        }
        registeredAt = now;
        return true;
    }

    public Long id() {
        return id;
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
