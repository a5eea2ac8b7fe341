package fr.ameli.compte.infrastructure.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed for a lost connection three times, five seconds apart:
 * with the database down, a person would stare at a blank page for a quarter of a minute before
 * reading « réessayez plus tard ». One quick retry is kept (a stale pooled connection is replaced
 * at once by the validating pool); then the failure reaches the 503 page.
 */
public class FastFailureCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(1);
            login.setDelayBetweenConnectionAttempts(100);
        }
    }
}
