package fr.ameli.compte.infrastructure.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's PBKDF2-HMAC-SHA256 gives the JDK's keys, and reads the hashes stored before it (Jakarta Security's form). */
class Pbkdf2Sha256Test {

    private static byte[] jdk(String password, byte[] salt, int iterations, int keyBytes) throws Exception {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, keyBytes * 8)).getEncoded();
    }

    @ParameterizedTest(name = "« {0} », {1} iterations, {2}-byte salt, {3}-byte key")
    @CsvSource(delimiter = '|', value = {
            "Robert*123_A                 | 1     | 16 | 32",
            "Robert*123_A                 | 1024  | 16 | 32",
            "Élodie*Nantes_44 ß€😀         | 2000  | 16 | 32",
            "''                           | 1000  | 16 | 32",
            "un code personnel bien plus long qu'un bloc de soixante-quatre octets, pour la clé hachée | 500 | 16 | 32",
            "Robert*123_A                 | 777   | 8  | 20",
    })
    void every_key_is_the_jdk_s(String password, int iterations, int saltBytes, int keyBytes) throws Exception {
        byte[] salt = new byte[saltBytes];
        new Random(iterations).nextBytes(salt);
        assertArrayEquals(jdk(password, salt, iterations, keyBytes), Pbkdf2Sha256.derive(password.toCharArray(), salt, iterations, keyBytes));
    }

    @Test
    void a_hash_stored_by_jakarta_security_s_pbkdf2_is_read_with_its_own_parameters() throws Exception {
        byte[] salt = new byte[16];
        new Random(7).nextBytes(salt);
        // As Jakarta Security's Pbkdf2PasswordHash stored it: algorithm:iterations:Base64(salt):Base64(key).
        String stored = "PBKDF2WithHmacSHA256:1500:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(jdk("Robert*123_A", salt, 1500, 32));
        assertTrue(Pbkdf2CodeHasher.matches("Robert*123_A".toCharArray(), stored));
        assertFalse(Pbkdf2CodeHasher.matches("Robert*123_B".toCharArray(), stored));
        assertFalse(Pbkdf2CodeHasher.matches("Robert*123_A".toCharArray(), stored.replace(":1500:", ":1501:")), "the iterations are part of it");
        assertFalse(Pbkdf2CodeHasher.matches("Robert*123_A".toCharArray(), "PBKDF2WithHmacSHA1:1500:" + stored.split(":", 3)[2]));
        assertFalse(Pbkdf2CodeHasher.matches("Robert*123_A".toCharArray(), "pas un hachage"));
        assertFalse(Pbkdf2CodeHasher.matches("Robert*123_A".toCharArray(), "PBKDF2WithHmacSHA256:x:%%:%%"));
    }
}
