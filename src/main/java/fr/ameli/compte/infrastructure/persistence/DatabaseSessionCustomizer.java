package fr.ameli.compte.infrastructure.persistence;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ServerSession;

import javax.sql.DataSource;
import java.util.Optional;

/**
 * How EclipseLink reaches the database (persistence.xml names this class).
 *
 * <ul>
 * <li>Which data source: the persistence unit names the built-in {@code java:app/jdbc/ameli}; when
 * the operator names a JDBC resource of the server in {@code ameli.datasource.jndi-name}
 * ({@link ServiceDataSource}), every connection of the unit (its JTA logins and its read pool)
 * comes from that resource instead. This runs before the session logs in, so the built-in data
 * source is then never opened.</li>
 * <li>Failing fast: EclipseLink retries a read that failed for a lost connection three times, five
 * seconds apart: with the database down, a person would stare at a blank page for a quarter of a
 * minute before reading « réessayez plus tard ». One quick retry is kept (a stale pooled connection
 * is replaced at once by the validating pool); then the failure reaches the 503 page.</li>
 * </ul>
 */
public class DatabaseSessionCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        Optional<String> operatorResource = ServiceDataSource.operatorResource(
                ConfigProvider.getConfig(DatabaseSessionCustomizer.class.getClassLoader()));
        if (operatorResource.isPresent()) {
            DataSource dataSource = ServiceDataSource.lookupOperatorResource(operatorResource.get());
            useDataSource(session.getDatasourceLogin(), dataSource);
            if (session instanceof ServerSession server && server.getReadConnectionPool() != null) {
                useDataSource(server.getReadConnectionPool().getLogin(), dataSource);
            }
        }
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(1);
            login.setDelayBetweenConnectionAttempts(100);
        }
    }

    private static void useDataSource(Login login, DataSource dataSource) {
        if (login instanceof DatabaseLogin databaseLogin) {
            databaseLogin.setConnector(new JNDIConnector(dataSource));
        }
    }
}
