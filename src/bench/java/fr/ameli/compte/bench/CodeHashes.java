package fr.ameli.compte.bench;

import fr.ameli.compte.infrastructure.security.Pbkdf2CodeHasher;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * Code hashes as the service makes them: {@link Pbkdf2CodeHasher}'s algorithm, salt and key sizes and
 * stored form, at the iterations of the service's configuration.
 */
final class CodeHashes {

    private CodeHashes() {
    }

    /** {@code ameli.code.hash-iterations} of the service's META-INF/microprofile-config.properties, in {@code classes}. */
    static int configuredIterations(Path classes) throws IOException {
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(classes.resolve("META-INF").resolve("microprofile-config.properties"))) {
            config.load(in);
        }
        return Integer.parseInt(config.getProperty("ameli.code.hash-iterations"));
    }

    /** A hash in the service's stored form, of a random salt and key (not of a code: no one logs in with it). */
    static String randomStoredHash(int iterations, SecureRandom random) {
        Base64.Encoder base64 = Base64.getEncoder();
        return String.format(Pbkdf2CodeHasher.STORED_FORM, iterations,
                base64.encodeToString(StaleAccounts.randomBytes(random, Pbkdf2CodeHasher.SALT_BYTES)),
                base64.encodeToString(StaleAccounts.randomBytes(random, Pbkdf2CodeHasher.KEY_BYTES)));
    }

    /** One code hash on this machine and JVM (the service's own JIT): the median of 9 after 4 warm-ups. */
    static BenchResults.CodeHash time(int iterations) throws GeneralSecurityException {
        SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance(Pbkdf2CodeHasher.ALGORITHM);
        byte[] salt = StaleAccounts.randomBytes(new SecureRandom(), Pbkdf2CodeHasher.SALT_BYTES);
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            long t0 = System.nanoTime();
            pbkdf2.generateSecret(new PBEKeySpec("Robert*123_A".toCharArray(), salt, iterations, Pbkdf2CodeHasher.KEY_BYTES * 8)).getEncoded();
            if (i >= 4) {
                times.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        times.sort(Comparator.naturalOrder());
        return new BenchResults.CodeHash(iterations, times.get(times.size() / 2));
    }
}
