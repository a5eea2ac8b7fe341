package fr.ameli.compte.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the database schema to the latest version before anything else touches it.
 *
 * <p>The schema is owned by the versioned SQL migrations under {@code db/migration} (Flyway), never
 * by EclipseLink's DDL generation: an operator can read, review and replay every change. The
 * built-in data source is defined here by configuration keys, so pointing the service at another
 * database is a matter of setting {@code ameli.datasource.*} (environment variables work), not of
 * rebuilding; or the operator names a JDBC resource of the server in
 * {@code ameli.datasource.jndi-name} and this definition stays unused ({@link ServiceDataSource}).
 */
@DataSourceDefinition(
        name = DatabaseMigrations.DATA_SOURCE,
        className = "${MPCONFIG=ameli.datasource.class-name}",
        url = "${MPCONFIG=ameli.datasource.url}",
        databaseName = "${MPCONFIG=ameli.datasource.database-name}",
        user = "${MPCONFIG=ameli.datasource.user}",
        password = "${MPCONFIG=ameli.datasource.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                "createDatabase=create",
                // A connection that died (database restarted, network cut) is found at checkout and
                // the whole pool renewed, instead of failing request after request.
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.fail-all-connections=true"})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DatabaseMigrations {

    /** The built-in data source, made from the {@code ameli.datasource.*} keys. */
    public static final String DATA_SOURCE = "java:app/jdbc/ameli";
    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Inject
    DataSource dataSource;
    @Inject
    fr.ameli.compte.infrastructure.config.AmeliConfig config;

    private volatile boolean migrated;

    /** Whether the schema was brought to the latest version at this start. */
    public boolean isMigrated() {
        return migrated;
    }

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // The migrations in Java, which need the service's secret key.
                .javaMigrations(new V20__Register_proof_hashes(c -> DatabaseSecretKeys.resolve(c, config.givenSecretKey(), config.demo())))
                .load()
                .migrate();
        migrated = true;
        LOG.info(() -> "Database schema migrated: " + result.migrationsExecuted + " migration(s) applied now, schema at version "
                + (result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion));
    }
}
