package fr.ameli.compte.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The secret of a « Code oublié ? » link (valid {@code ameli.code-reset.validity}, 30 minutes by
 * default): using it replaces the account's code.
 */
@Entity
@Table(name = "code_reset_token")
public class CodeResetToken extends SingleUseToken {

    /** For JPA only. */
    protected CodeResetToken() {
    }

    public CodeResetToken(String tokenHash, Account account, Instant expiresAt) {
        super(tokenHash, account, expiresAt);
        if (!account.isActive()) {
            throw new IllegalArgumentException("only an active account chooses a new code");
        }
    }

    /** « Prolonger » on the link's page: a valid link works for {@code validity} more from now. */
    public boolean prolong(Instant now, java.time.Duration validity) {
        return super.prolong(now, validity);
    }

    /** Uses the link: the account's code becomes the new one. Throws unless the link is valid now. */
    public void use(String newCodeHash, Instant now) {
        markUsed(now);
        account().changeCode(newCodeHash);
    }
}
