package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.application.SecretKeys;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

/**
 * The service's secrets, created at the first start and kept in the database, so that every
 * server (and every restart) uses the same keys: pseudonyms stay comparable over time.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseSecretKeys implements SecretKeys {

    private static final String PSEUDONYM_KEY = "pseudonym-key";

    @Inject
    DataSource dataSource;

    private byte[] pseudonymKey;

    /**
     * Reads the key, or creates it. Two servers starting together on an empty database may both
     * try to create it: the second insert fails on the primary key, and that server reads the
     * first one's key.
     */
    @PostConstruct
    void load() {
        try (Connection c = dataSource.getConnection()) {
            Optional<String> found = read(c);
            if (found.isEmpty()) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO service_secret (name, secret) VALUES (?, ?)")) {
                    insert.setString(1, PSEUDONYM_KEY);
                    insert.setString(2, Base64.getEncoder().encodeToString(key));
                    insert.executeUpdate();
                } catch (SQLException anotherServerWasFirst) {
                    // read below
                }
                found = read(c);
            }
            pseudonymKey = Base64.getDecoder().decode(found.orElseThrow().strip());
        } catch (SQLException e) {
            throw new IllegalStateException("The service's secret key could not be read or created", e);
        }
    }

    private static Optional<String> read(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT secret FROM service_secret WHERE name = ?")) {
            select.setString(1, PSEUDONYM_KEY);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    @Lock(LockType.READ)
    public byte[] pseudonymKey() {
        return pseudonymKey.clone();
    }
}
