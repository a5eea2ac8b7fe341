package fr.ameli.compte.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * A passkey of an account (PRODUCT §2.11 « Mes clés d'accès »): a WebAuthn credential that logs the
 * person in without a code. Kept: what the next login's checks need — the attested credential data
 * (the credential id and its public key, as the WebAuthn library writes them, Base64url), the
 * signature counter and the authenticator's flags — and what the person sees: a name, when it was
 * made and last used, whether it is synchronised (backed up by the authenticator). Nothing secret:
 * the private key never leaves the person's device.
 */
@Entity
@Table(name = "passkey")
public class Passkey {

    /** The longest name kept (column {@code name}). */
    public static final int NAME_MAX = 80;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;
    @Column(name = "credential_key", length = 64, nullable = false, updatable = false)
    private String credentialKey;
    @Column(name = "attested_credential", length = 4000, nullable = false, updatable = false)
    private String attestedCredential;
    @Column(name = "sign_count", nullable = false)
    private long signCount;
    @Column(name = "uv_initialized", nullable = false)
    private boolean uvInitialized;
    @Column(name = "backup_eligible", nullable = false, updatable = false)
    private boolean backupEligible;
    @Column(name = "backed_up", nullable = false)
    private boolean backedUp;
    @Column(name = "transports", length = 100)
    private String transports;
    @Column(name = "name", length = NAME_MAX, nullable = false)
    private String name;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    /** For JPA only. */
    protected Passkey() {
    }

    /**
     * @param credentialKey      the SHA-256 (hex) of the credential id: how a login finds it
     * @param attestedCredential the attested credential data, Base64url
     * @param transports         the authenticator's transports, comma-separated (may be empty)
     */
    public Passkey(long accountId, String credentialKey, String attestedCredential, long signCount, boolean uvInitialized,
                   boolean backupEligible, boolean backedUp, String transports, String name, Instant now) {
        this.accountId = accountId;
        this.credentialKey = Objects.requireNonNull(credentialKey, "credentialKey");
        this.attestedCredential = Objects.requireNonNull(attestedCredential, "attestedCredential");
        this.signCount = signCount;
        this.uvInitialized = uvInitialized;
        this.backupEligible = backupEligible;
        this.backedUp = backedUp;
        this.transports = transports;
        rename(name);
        this.createdAt = now;
    }

    /** A login with it was verified: its counter and backup state as the authenticator gave them. */
    public void used(long newSignCount, boolean nowBackedUp, Instant now) {
        signCount = newSignCount;
        backedUp = nowBackedUp;
        uvInitialized = true;
        lastUsedAt = now;
    }

    /** The name the person gave it, cut to {@value #NAME_MAX} characters; blank keeps « Clé d'accès ». */
    public void rename(String newName) {
        String stripped = newName == null ? "" : newName.strip();
        String kept = stripped.isEmpty() ? "Clé d'accès" : stripped;
        name = kept.length() <= NAME_MAX ? kept : kept.substring(0, NAME_MAX);
    }

    public Long id() { return id; }
    public long accountId() { return accountId; }
    public String credentialKey() { return credentialKey; }
    public String attestedCredential() { return attestedCredential; }
    public long signCount() { return signCount; }
    public boolean uvInitialized() { return uvInitialized; }
    public boolean backupEligible() { return backupEligible; }
    /** « Synchronisée »: the authenticator says it is backed up (a password manager, a phone's cloud keychain). */
    public boolean backedUp() { return backedUp; }
    public String transports() { return transports; }
    public String name() { return name; }
    public Instant createdAt() { return createdAt; }
    public Instant lastUsedAt() { return lastUsedAt; }
}
