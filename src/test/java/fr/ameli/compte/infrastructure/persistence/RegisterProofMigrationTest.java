package fr.ameli.compte.infrastructure.persistence;

import fr.ameli.compte.domain.person.IbanTail;
import fr.ameli.compte.domain.person.ProofTails;
import fr.ameli.compte.domain.person.VitaleSerialTail;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The register keeps only what its checks need (docs/SECURITY.md): a database made before V20, whose
 * rows hold full IBANs and serials, is converted in place — each row gets the keyed hashes of its two
 * tails, which still prove the person, and the IBAN and serial columns are gone. On embedded Derby in
 * memory, with the service's own migrations.
 */
class RegisterProofMigrationTest {

    private static final byte[] KEY = new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
            26, 27, 28, 29, 30, 31, 32};

    @Test
    void a_register_of_before_is_converted_to_the_tails_keyed_hashes_and_keeps_no_iban_nor_serial() throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:register-proof-migration");
        derby.setCreateDatabase("create");
        Flyway.configure(getClass().getClassLoader()).dataSource(derby).locations("classpath:db/migration").target("19").load().migrate();
        try (Connection c = derby.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO insured_person (nir, family_name, given_names, birth_date, postal_code, city, address, iban, vitale_serial, updated_at)"
                    + " VALUES ('228123181500110', 'TOTO', 'Marie', '1928-12-03', '31470', 'Saint-Thomas', '1 rue', 'FR7620041010160000433910173',"
                    + " '8250001647314244', CURRENT_TIMESTAMP)");
        }
        int[] keyAsked = {0};
        Flyway.configure(getClass().getClassLoader()).dataSource(derby).locations("classpath:db/migration")
                .javaMigrations(new V20__Register_proof_hashes(c -> {
                    keyAsked[0]++;
                    return KEY;
                })).load().migrate();

        List<String> columns = new ArrayList<>();
        String ibanHash;
        String vitaleHash;
        try (Connection c = derby.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = c.getMetaData().getColumns(null, null, "INSURED_PERSON", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT iban_tail_hash, vitale_tail_hash FROM insured_person WHERE nir = '228123181500110'")) {
                assertTrue(rs.next());
                ibanHash = rs.getString(1);
                vitaleHash = rs.getString(2);
            }
        }
        assertFalse(columns.contains("iban"), columns.toString());
        assertFalse(columns.contains("vitale_serial"), columns.toString());
        assertTrue(columns.containsAll(List.of("iban_tail_hash", "vitale_tail_hash")), columns.toString());
        assertEquals(1, keyAsked[0], "the key is read once, for the rows to convert");
        ProofTails kept = new ProofTails(ibanHash, vitaleHash);
        assertTrue(kept.matches(ProofTails.ofTyped(KEY, new IbanTail("3910173"), new VitaleSerialTail("01647314244"))),
                "the tails TOTO types still prove him");
        assertFalse(kept.matches(ProofTails.ofTyped(KEY, new IbanTail("3910174"), new VitaleSerialTail("01647314244"))));
    }
}
