package fr.ameli.compte.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * The secret of a « Code oublié ? » link, as the database knows it: its SHA-256 hash, the account,
 * a short validity (30 minutes) and, once used, when. Single use: a used link stays known so that
 * a second click gets « déjà utilisé ».
 */
@Entity
@Table(name = "code_reset_token")
public class CodeResetToken {

    @Id
    @Column(name = "token_hash", length = 64, nullable = false, updatable = false)
    private String tokenHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    /** For JPA only. */
    protected CodeResetToken() {
    }

    public CodeResetToken(String tokenHash, Account account, Instant expiresAt) {
        if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 hash in hexadecimal is expected");
        }
        if (!Objects.requireNonNull(account, "account").isActive()) {
            throw new IllegalArgumentException("only an active account chooses a new code");
        }
        this.tokenHash = tokenHash;
        this.account = account;
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public ActivationToken.State stateAt(Instant now) {
        if (usedAt != null) {
            return ActivationToken.State.USED;
        }
        return now.isBefore(expiresAt) ? ActivationToken.State.VALID : ActivationToken.State.EXPIRED;
    }

    /** Uses the link: the account's code becomes the new one. Throws unless the link is valid now. */
    public void use(String newCodeHash, Instant now) {
        if (stateAt(now) != ActivationToken.State.VALID) {
            throw new IllegalStateException("Reset link " + stateAt(now));
        }
        usedAt = now;
        account.changeCode(newCodeHash);
    }

    public Account account() {
        return account;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
