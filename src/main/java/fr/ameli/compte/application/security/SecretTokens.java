package fr.ameli.compte.application.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets for links sent by mail: 256 bits from {@link SecureRandom}, URL-safe, and the
 * SHA-256 hash under which the database knows them. A fast hash is enough here (unlike codes
 * personnels): the token is random, not chosen by a person, so it cannot be guessed offline.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether a string has the shape of a token (before any database look-up). */
    public static boolean looksLikeToken(String candidate) {
        return candidate != null && candidate.matches("[A-Za-z0-9_-]{43}");
    }
}
