package fr.ameli.compte.domain.account;

import java.util.Optional;

/** The database of « Code oublié ? » links. */
public interface CodeResetTokenRepository {

    /** A new « Code oublié ? » link; the account's other unused ones stop working. */
    void replaceResetToken(CodeResetToken token);

    Optional<CodeResetToken> findResetToken(String tokenHash);
}
