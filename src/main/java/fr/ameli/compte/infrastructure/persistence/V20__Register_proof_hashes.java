package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.person.Iban;
import fr.ameli.compte.domain.shared.InvalidValueException;
import fr.ameli.compte.domain.person.ProofTails;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The register keeps only what its checks need (docs/SECURITY.md): the keyed hashes of the IBAN's
 * last 7 characters and of the Vitale serial's last 11 digits ({@link ProofTails}), no more the full
 * IBAN and serial. A migration in Java because the hashes need the service's secret key
 * ({@link DatabaseSecretKeys#resolve}, read only when there are rows to convert); Flyway runs it
 * between the SQL migrations by its version, once. Portable: the one statement that differs (making
 * a column NOT NULL) follows the database.
 */
final class V20__Register_proof_hashes extends BaseJavaMigration {

    /** The service's key on the migrated database. */
    interface Key {
        byte[] on(Connection connection) throws SQLException;
    }

    private static final int BATCH = 500;

    private final Key key;

    V20__Register_proof_hashes(Key key) {
        this.key = key;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement ddl = c.createStatement()) {
            ddl.execute("ALTER TABLE insured_person ADD COLUMN iban_tail_hash CHAR(64)");
            ddl.execute("ALTER TABLE insured_person ADD COLUMN vitale_tail_hash CHAR(64)");
        }
        byte[] secret = null;
        try (Statement select = c.createStatement();
             ResultSet rows = select.executeQuery("SELECT nir, iban, vitale_serial FROM insured_person");
             PreparedStatement update = c.prepareStatement("UPDATE insured_person SET iban_tail_hash = ?, vitale_tail_hash = ? WHERE nir = ?")) {
            int pending = 0;
            while (rows.next()) {
                if (secret == null) {
                    secret = key.on(c);
                }
                ProofTails proof;
                try {
                    proof = ProofTails.ofRegister(secret, new Iban(rows.getString(2)), rows.getString(3));
                } catch (InvalidValueException unusable) {
                    // A row no extract check would have let in: hashes that no typed tail can give (no proof possible).
                    proof = new ProofTails("0".repeat(64), "0".repeat(64));
                }
                update.setString(1, proof.ibanTailHash());
                update.setString(2, proof.vitaleTailHash());
                update.setString(3, rows.getString(1));
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        boolean postgresql = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        try (Statement ddl = c.createStatement()) {
            ddl.execute("ALTER TABLE insured_person DROP COLUMN iban");
            ddl.execute("ALTER TABLE insured_person DROP COLUMN vitale_serial");
            for (String column : new String[]{"iban_tail_hash", "vitale_tail_hash"}) {
                ddl.execute("ALTER TABLE insured_person ALTER COLUMN " + column + (postgresql ? " SET NOT NULL" : " NOT NULL"));
            }
        }
    }
}
