package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.application.security.SecretKeys;
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
 * and out of its backups (a copy the database held is removed once it is the same; a fingerprint
 * stays, so that another key is refused at start). Without it, the
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
    private static final String KEY_CHECK = "pseudonym-key-check";
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
     * The key on this connection's database: the one given when there is one; else the database's,
     * generated there at the first start. A given key must be the one the data was made with: the
     * database keeps its fingerprint (row {@value #KEY_CHECK}, an HMAC of a fixed text: it does not
     * give the key away), and the service refuses to start with another key, or with none once the
     * key was moved out — else every register check would fail and the pseudonyms stop matching,
     * silently. The database's own copy is removed once the same key is given. Two servers starting
     * together on an empty database may both try to create a row: the second insert fails on the
     * primary key, and that server reads the first one's. Also used by the migrations that need the
     * key (V20).
     *
     * @throws IllegalStateException naming the configuration key when the key is not the data's
     */
    static byte[] resolve(Connection c, Optional<byte[]> given, boolean demo) throws SQLException {
        Optional<byte[]> stored = read(c, PSEUDONYM_KEY).map(v -> Base64.getDecoder().decode(v.strip()));
        Optional<String> check = read(c, KEY_CHECK);
        if (given.isPresent()) {
            byte[] key = given.get().clone();
            boolean same = stored.map(k -> MessageDigest.isEqual(k, key))
                    .orElseGet(() -> check.map(f -> f.equals(fingerprint(key))).orElse(true));
            if (!same) {
                throw new IllegalStateException("Configuration ameli.secret-key (or ameli.secret-key.file) is invalid: it is not the key "
                        + "this database's data was made with (its pseudonyms, the register's keyed hashes); give that key "
                        + "(README « The secret key »)");
            }
            if (check.isEmpty()) {
                insert(c, KEY_CHECK, fingerprint(key));
            }
            if (stored.isPresent()) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM service_secret WHERE name = ?")) {
                    delete.setString(1, PSEUDONYM_KEY);
                    delete.executeUpdate();
                }
                LOG.info("The secret key is given by configuration: its copy in the database is removed (backups made from now on hold no key)");
            }
            return key;
        }
        if (stored.isEmpty() && check.isPresent()) {
            throw new IllegalStateException("Configuration ameli.secret-key.file is missing: this database's data was made with a key "
                    + "given by configuration (ameli.secret-key.file or ameli.secret-key); give it again (README « The secret key »)");
        }
        if (stored.isEmpty()) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            insert(c, PSEUDONYM_KEY, Base64.getEncoder().encodeToString(key));
            stored = read(c, PSEUDONYM_KEY).map(v -> Base64.getDecoder().decode(v.strip()));
        }
        if (!demo) {
            LOG.warning("The secret key lives in the database, beside the data it protects and in every backup of it: give it by "
                    + "ameli.secret-key.file instead (README « The secret key »)");
        }
        return stored.orElseThrow();
    }

    /** What the database keeps of a given key: enough to recognise it, nothing to rebuild it. */
    static String fingerprint(byte[] key) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal("compte-ameli: key check".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java", e);
        }
    }

    private static void insert(Connection c, String name, String value) {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO service_secret (name, secret) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, value);
            insert.executeUpdate();
        } catch (SQLException anotherServerWasFirst) {
            // the caller reads what is there
        }
    }

    private static Optional<String> read(Connection c, String name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT secret FROM service_secret WHERE name = ?")) {
            select.setString(1, name);
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
