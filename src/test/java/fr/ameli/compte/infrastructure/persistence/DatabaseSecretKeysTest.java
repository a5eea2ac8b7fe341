package fr.ameli.compte.infrastructure.persistence;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the service's secret key comes from (README « The secret key »): given by the operator, it
 * lives out of the database and its backups (the database's copy is removed when it is the same);
 * not given, it is the database's, generated there once.
 */
class DatabaseSecretKeysTest {

    private Connection connection;

    @BeforeEach
    void emptyDatabase() throws Exception {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:secret-keys-" + System.nanoTime());
        derby.setCreateDatabase("create");
        connection = derby.getConnection();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE service_secret (name VARCHAR(40) NOT NULL PRIMARY KEY, secret VARCHAR(100) NOT NULL)");
        }
    }

    private Optional<String> stored() throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT secret FROM service_secret WHERE name = 'pseudonym-key'")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    @Test
    void without_a_given_key_it_is_generated_into_the_database_once_and_read_back() throws Exception {
        byte[] first = DatabaseSecretKeys.resolve(connection, Optional.empty(), true);
        assertEquals(32, first.length);
        assertArrayEquals(first, Base64.getDecoder().decode(stored().orElseThrow()));
        assertArrayEquals(first, DatabaseSecretKeys.resolve(connection, Optional.empty(), false), "the same at every start");
    }

    @Test
    void a_given_key_is_used_and_the_database_s_copy_of_it_removed() throws Exception {
        byte[] generated = DatabaseSecretKeys.resolve(connection, Optional.empty(), true);
        assertArrayEquals(generated, DatabaseSecretKeys.resolve(connection, Optional.of(generated.clone()), false));
        assertEquals(Optional.empty(), stored(), "the key moved out of the database: its backups hold none from now on");
    }

    @Test
    void a_key_other_than_the_one_the_data_was_made_with_is_refused_at_start_whether_the_database_still_holds_it_or_not() throws Exception {
        byte[] generated = DatabaseSecretKeys.resolve(connection, Optional.empty(), true);
        byte[] other = Arrays.copyOf(generated, 32);
        other[0] ^= 1;
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DatabaseSecretKeys.resolve(connection, Optional.of(other), false), "the database's copy still there");
        assertTrue(refused.getMessage().contains("ameli.secret-key"), refused.getMessage());
        assertFalse(stored().isEmpty(), "nothing removed");

        DatabaseSecretKeys.resolve(connection, Optional.of(generated.clone()), false);
        assertEquals(Optional.empty(), stored());
        assertThrows(IllegalStateException.class, () -> DatabaseSecretKeys.resolve(connection, Optional.of(other), false),
                "recognised by its fingerprint once the copy is gone");
        assertThrows(IllegalStateException.class, () -> DatabaseSecretKeys.resolve(connection, Optional.empty(), true),
                "no key given any more: a new one is not generated over data made with the old one");
        assertArrayEquals(generated, DatabaseSecretKeys.resolve(connection, Optional.of(generated.clone()), false), "the right key still starts");
    }

    @Test
    void a_key_given_from_the_first_start_is_never_written_into_the_database() throws Exception {
        byte[] given = new byte[32];
        new java.security.SecureRandom().nextBytes(given);
        assertArrayEquals(given, DatabaseSecretKeys.resolve(connection, Optional.of(given.clone()), false));
        assertEquals(Optional.empty(), stored());
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT secret FROM service_secret")) {
            while (rs.next()) {
                assertFalse(Arrays.equals(given, Base64.getDecoder().decode(rs.getString(1))), "only a fingerprint, not the key");
            }
        }
    }
}
