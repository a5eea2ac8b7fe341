package fr.ameli.compte.domain.account;

import java.time.Instant;
import java.util.Optional;

/** The database of login sessions (PRODUCT §2.11 « Mes connexions »). */
public interface LoginSessionRepository {

    /** A new login; only the account's {@link LoginSession#KEPT} latest are kept. */
    void addLoginSession(LoginSession login);

    /** The login whose session key has this hash. */
    Optional<LoginSession> findLoginSession(String sessionKeyHash);

    /** The account's logins kept, the latest first. */
    java.util.List<LoginSession> loginSessions(long accountId);

    /** Ends every session of the account but the one whose key has {@code keptKeyHash} (null: all); returns how many. */
    int endLoginSessions(long accountId, String keptKeyHash, Instant now);
}
