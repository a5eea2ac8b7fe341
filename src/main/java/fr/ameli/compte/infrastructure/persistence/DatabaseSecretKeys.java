package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.application.SecretKeys;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
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
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The service's secret key: the key of the NIRs' and addresses' pseudonyms, of the security codes'
 * and remembered browsers' keyed hashes, and of the register's tails ({@code ProofTails}). The same
 * on every server and at every restart, so that pseudonyms stay comparable over time.
 *
 * <p>Where it comes from ({@link #resolve}): the operator gives it — {@code ameli.secret-key.file}
 * (a Docker or compose secret) or {@code ameli.secret-key} — and then it lives out of the database
 * and out of its backups (a copy the database held is removed once it is the same). Without it, the
 * key is read from the database (table {@code service_secret}), or generated into it at the first
 * start: what the demo does; a real deployment is told at every start that its key lives with the
 * data it protects (README « The secret key »), and keeps starting as before.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseSecretKeys implements SecretKeys {

    private static final String PSEUDONYM_KEY = "pseudonym-key";
    private static final Logger LOG = Logger.getLogger(DatabaseSecretKeys.class.getName());

    @Inject
    DataSource dataSource;
    @Inject
    AmeliConfig config;

    private byte[] pseudonymKey;

    @PostConstruct
    void load() {
        try (Connection c = dataSource.getConnection()) {
            pseudonymKey = resolve(c, config.givenSecretKey(), config.demo());
        } catch (SQLException e) {
            throw new IllegalStateException("The service's secret key could not be read or created", e);
        }
    }

    /**
     * The key on this connection's database: the one given when there is one (the database's copy
     * removed when it is the same, kept with a warning when it differs: pseudonyms made with it no
     * longer match); else the database's, generated there at the first start. Two servers starting
     * together on an empty database may both try to create it: the second insert fails on the
     * primary key, and that server reads the first one's key. Also used by the migrations that need
     * the key (V20).
     */
    static byte[] resolve(Connection c, Optional<byte[]> given, boolean demo) throws SQLException {
        Optional<String> stored = read(c);
        if (given.isPresent()) {
            if (stored.isPresent() && MessageDigest.isEqual(Base64.getDecoder().decode(stored.get().strip()), given.get())) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM service_secret WHERE name = ?")) {
                    delete.setString(1, PSEUDONYM_KEY);
                    delete.executeUpdate();
                }
                LOG.info("The secret key is given by configuration: its copy in the database is removed (backups made from now on hold no key)");
            } else if (stored.isPresent()) {
                LOG.warning("The secret key given by configuration is not the one the database holds: pseudonyms made with the "
                        + "database's key (audit trail, locks) no longer match. To keep them, give that key instead (README « The secret key »).");
            }
            return given.get().clone();
        }
        if (stored.isEmpty()) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO service_secret (name, secret) VALUES (?, ?)")) {
                insert.setString(1, PSEUDONYM_KEY);
                insert.setString(2, Base64.getEncoder().encodeToString(key));
                insert.executeUpdate();
            } catch (SQLException anotherServerWasFirst) {
                // read below
            }
            stored = read(c);
        }
        if (!demo) {
            LOG.warning("The secret key lives in the database, beside the data it protects and in every backup of it: give it by "
                    + "ameli.secret-key.file instead (README « The secret key »)");
        }
        return Base64.getDecoder().decode(stored.orElseThrow().strip());
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
