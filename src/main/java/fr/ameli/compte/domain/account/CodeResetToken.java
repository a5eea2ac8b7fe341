package fr.ameli.compte.domain.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * The secret of a « Code oublié ? » link (valid {@code ameli.code-reset.validity}, 30 minutes by
 * default): using it replaces the account's code. « Prolonger » gives it more time while the person
 * is at work on its page, never past a moment fixed when it was sent ({@code ameli.code-reset.longest-life}
 * after it, 2 hours): a link found later in a mailbox is not renewed without end.
 */
@Entity
@Table(name = "code_reset_token")
public class CodeResetToken extends SingleUseToken {

    /** What « Prolonger » did: more time, or none because the link is at its longest life, or none because it no longer works. */
    public enum Prolonged { PROLONGED, AT_LONGEST, UNUSABLE }

    @Column(name = "prolongable_until")
    private Instant prolongableUntil;

    /** For JPA only. */
    protected CodeResetToken() {
    }

    /** A link sent {@code now}, valid for {@code validity}, that « Prolonger » never extends past {@code longestLife} after now. */
    public CodeResetToken(String tokenHash, Account account, Instant now, Duration validity, Duration longestLife) {
        super(tokenHash, account, now.plus(validity));
        if (!account.isActive()) {
            throw new IllegalArgumentException("only an active account chooses a new code");
        }
        this.prolongableUntil = now.plus(longestLife);
    }

    /**
     * « Prolonger » on the link's page (RGAA 13.1): a valid link works for {@code validity} more from
     * now, but never past its longest life; a used or expired one stays so.
     */
    public Prolonged prolong(Instant now, Duration validity) {
        if (stateAt(now) != State.VALID) {
            return Prolonged.UNUSABLE;
        }
        Instant later = now.plus(validity);
        if (prolongableUntil == null || !later.isBefore(prolongableUntil)) {
            later = prolongableUntil == null ? expiresAt() : prolongableUntil;
        }
        if (!later.isAfter(expiresAt())) {
            return Prolonged.AT_LONGEST;
        }
        extendTo(later);
        return Prolonged.PROLONGED;
    }

    /** Uses the link: the account's code becomes the new one. Throws unless the link is valid now. */
    public void use(String newCodeHash, Instant now) {
        markUsed(now);
        account().changeCode(newCodeHash);
    }
}
