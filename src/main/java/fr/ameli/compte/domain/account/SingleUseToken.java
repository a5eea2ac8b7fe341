package fr.ameli.compte.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.Objects;

/**
 * The secret of a link sent by mail (activation, « Code oublié ? »), as the database knows it:
 * only its SHA-256 hash (the token itself is random, 256 bits, and only travels in the mail), the
 * account, until when it works and, once used, when. Single use: a used link stays known so that
 * a second click gets « déjà utilisé » rather than « inconnu ».
 */
@MappedSuperclass
public abstract class SingleUseToken {

    /** What a link is worth to the person who follows it. */
    public enum State { VALID, USED, EXPIRED }

    @Id
    @Column(name = "token_hash", length = 64, nullable = false, updatable = false)
    private String tokenHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id", nullable = false, updatable = false)
    private Account account;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    /** For JPA only. */
    protected SingleUseToken() {
    }

    protected SingleUseToken(String tokenHash, Account account, Instant expiresAt) {
        if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 hash in hexadecimal is expected");
        }
        this.tokenHash = tokenHash;
        this.account = Objects.requireNonNull(account, "account");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public State stateAt(Instant now) {
        if (usedAt != null) {
            return State.USED;
        }
        return now.isBefore(expiresAt) ? State.VALID : State.EXPIRED;
    }

    /** Marks the link used; throws unless it is valid now. */
    protected void markUsed(Instant now) {
        if (stateAt(now) != State.VALID) {
            throw new IllegalStateException("Link " + stateAt(now));
        }
        usedAt = now;
    }

    /** The link works until {@code later} (only ever later than now: see the subclasses' rules). */
    protected void extendTo(Instant later) {
        expiresAt = later;
    }

    public Account account() {
        return account;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant usedAt() {
        return usedAt;
    }
}
