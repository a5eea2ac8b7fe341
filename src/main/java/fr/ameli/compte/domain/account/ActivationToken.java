package fr.ameli.compte.domain.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

/** The activation link's secret: following it once activates the account. */
@Entity
@Table(name = "activation_token")
public class ActivationToken extends SingleUseToken {

    /** For JPA only. */
    protected ActivationToken() {
    }

    public ActivationToken(String tokenHash, Account account, Instant expiresAt) {
        super(tokenHash, account, expiresAt);
    }

    /** Uses the token: activates its account. Throws unless the token is valid now. */
    public void use(Instant now) {
        markUsed(now);
        account().activate(now);
    }
}
