package fr.ameli.compte.domain.account;

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
 * A browser the person said was theirs (PRODUCT §2.10: « Cet appareil m'appartient ») when they
 * typed the security code: for {@link #VALIDITY} it skips that step for this account, and failed
 * logins from it lock only it (PRODUCT §5). The browser holds a random token; only its hash is
 * kept here, with the words that name the browser for the person. Forgotten when the code
 * personnel changes.
 */
@Entity
@Table(name = "remembered_browser")
public class RememberedBrowser {

    /** « pendant 30 jours », as the checkbox says. */
    public static final Duration VALIDITY = Duration.ofDays(30);
    /** How many characters of the browser's description are kept. */
    public static final int DESCRIPTION_LENGTH = 80;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;
    @Column(name = "token_hash", length = 64, nullable = false, updatable = false)
    private String tokenHash;
    @Column(name = "description", length = DESCRIPTION_LENGTH, nullable = false, updatable = false)
    private String description;
    @Column(name = "remembered_at", nullable = false, updatable = false)
    private Instant rememberedAt;
    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    /** For JPA only. */
    protected RememberedBrowser() {
    }

    public RememberedBrowser(long accountId, String tokenHash, String description, Instant rememberedAt) {
        this.accountId = accountId;
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.description = description.length() <= DESCRIPTION_LENGTH ? description : description.substring(0, DESCRIPTION_LENGTH);
        this.rememberedAt = Objects.requireNonNull(rememberedAt, "rememberedAt");
        this.expiresAt = rememberedAt.plus(VALIDITY);
    }

    /** Whether it still stands for the account {@code accountId} at {@code now}. */
    public boolean recognises(long accountId, Instant now) {
        return this.accountId == accountId && now.isBefore(expiresAt);
    }

    /** A login made from it. */
    public void used(Instant now) {
        lastUsedAt = now;
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public String description() {
        return description;
    }

    public Instant rememberedAt() {
        return rememberedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }
}
