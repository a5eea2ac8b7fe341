package fr.ameli.compte.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * PBKDF2 with HMAC-SHA256 (RFC 8018 §5.2), the same keys as the JDK's {@code PBKDF2WithHmacSHA256}
 * (the password as UTF-8), but without allocating at each iteration: the JDK's HMAC makes new arrays
 * at every one of the 600,000 iterations (28.8 MB of garbage per hash, measured), here two SHA-256
 * computations per iteration write into buffers reused to the end (0 bytes; 8–17 % faster, see
 * docs/BENCHMARKS.md). HMAC is written out from its definition (RFC 2104): the key padded to
 * SHA-256's 64-byte block, XORed with 0x36 for the inner hash and 0x5c for the outer one.
 * {@code Pbkdf2Sha256Test} checks every key against the JDK's.
 */
final class Pbkdf2Sha256 {

    private static final int BLOCK = 64;
    private static final int LENGTH = 32;

    private Pbkdf2Sha256() {
    }

    /** The derived key of {@code keyBytes} bytes (at most 32: one block of output). */
    static byte[] derive(char[] password, byte[] salt, int iterations, int keyBytes) {
        if (keyBytes < 1 || keyBytes > LENGTH || iterations < 1) {
            throw new IllegalArgumentException("keyBytes 1–32, iterations ≥ 1");
        }
        MessageDigest sha256 = sha256();
        byte[] key = new String(password).getBytes(StandardCharsets.UTF_8);
        if (key.length > BLOCK) {
            key = sha256.digest(key);
        }
        byte[] innerPad = new byte[BLOCK];
        byte[] outerPad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
        byte[] u = new byte[LENGTH];
        byte[] inner = new byte[LENGTH];
        byte[] t = new byte[LENGTH];
        try {
            // U1 = HMAC(P, S || INT(1))
            sha256.update(innerPad);
            sha256.update(salt);
            sha256.update(new byte[]{0, 0, 0, 1});
            sha256.digest(inner, 0, LENGTH);
            sha256.update(outerPad);
            sha256.update(inner);
            sha256.digest(u, 0, LENGTH);
            System.arraycopy(u, 0, t, 0, LENGTH);
            // Uj = HMAC(P, Uj-1); T = U1 xor U2 xor … xor Uc
            for (int j = 1; j < iterations; j++) {
                sha256.update(innerPad);
                sha256.update(u);
                sha256.digest(inner, 0, LENGTH);
                sha256.update(outerPad);
                sha256.update(inner);
                sha256.digest(u, 0, LENGTH);
                for (int b = 0; b < LENGTH; b++) {
                    t[b] ^= u[b];
                }
            }
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        return keyBytes == LENGTH ? t : java.util.Arrays.copyOf(t, keyBytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
