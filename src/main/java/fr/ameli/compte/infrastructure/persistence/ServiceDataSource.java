package fr.ameli.compte.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.util.Optional;

/**
 * Which database the service uses, decided in this one place for everything that touches it: the
 * persistence unit (through {@link DatabaseSessionCustomizer}), the Flyway migrations, the secret
 * keys, the job leases (JPA), health and metrics.
 *
 * <p>By default, the data source {@value DatabaseMigrations#DATA_SOURCE} that the service defines
 * itself from the {@code ameli.datasource.*} keys (embedded Derby unless told otherwise). When the
 * operator created a JDBC resource on the server ({@code asadmin create-jdbc-resource}, see
 * {@code payara-config/database-*.asadmin}) and names it in {@value #JNDI_NAME_KEY}, that resource
 * is used instead and the built-in data source is never opened.
 */
@ApplicationScoped
public class ServiceDataSource {

    /** The JNDI name of the operator's JDBC resource, e.g. {@code jdbc/ameli}. No default. */
    public static final String JNDI_NAME_KEY = "ameli.datasource.jndi-name";

    /** The operator's JDBC resource, when {@value #JNDI_NAME_KEY} names one. */
    static Optional<String> operatorResource(Config config) {
        return config.getOptionalValue(JNDI_NAME_KEY, String.class).map(String::strip).filter(name -> !name.isEmpty());
    }

    /**
     * Looks up the operator's JDBC resource; a name the server does not know stops the deployment
     * with a message naming the key.
     */
    static DataSource lookupOperatorResource(String jndiName) {
        try {
            return InitialContext.doLookup(jndiName);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("Invalid configuration: " + JNDI_NAME_KEY + " = \"" + jndiName
                    + "\" is not a JDBC resource of this server (create it with asadmin create-jdbc-resource,"
                    + " see payara-config/database-*.asadmin)", e);
        }
    }

    /** The data source of the service, for {@code @Inject DataSource}. */
    @Produces
    DataSource dataSource() {
        Config config = ConfigProvider.getConfig(ServiceDataSource.class.getClassLoader());
        Optional<String> operator = operatorResource(config);
        if (operator.isPresent()) {
            return lookupOperatorResource(operator.get());
        }
        try {
            return InitialContext.doLookup(DatabaseMigrations.DATA_SOURCE);
        } catch (NamingException e) {
            throw new IllegalStateException("The service's data source " + DatabaseMigrations.DATA_SOURCE + " is missing", e);
        }
    }
}
