package fr.ameli.compte.application.security;

/** The service's own secrets, the same on every server (kept by {@code infrastructure}). */
public interface SecretKeys {

    /** The key of the HMAC that turns a NIR or an address into a pseudonym. */
    byte[] pseudonymKey();
}
