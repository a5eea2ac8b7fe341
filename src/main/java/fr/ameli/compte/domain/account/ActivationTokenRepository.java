package fr.ameli.compte.domain.account;

import java.time.Instant;
import java.util.Optional;

/** The database of activation links: the tokens of pending accounts, and what stays of a link the expiry timer removed (PRODUCT §2.8). */
public interface ActivationTokenRepository {

    Optional<ActivationToken> findToken(String tokenHash);

    /** The account's unused links stop working; the new token takes their place. */
    void replaceToken(Account account, ActivationToken token);

    /** Whether the token is the link of a pending account the expiry timer removed (and still remembers). */
    boolean isExpiredLink(String tokenHash);

    /** Forgets, set-based, the links of removed accounts kept until before {@code now}. Returns how many. */
    int forgetExpiredLinks(Instant now);
}
