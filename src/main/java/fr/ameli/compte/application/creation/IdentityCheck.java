package fr.ameli.compte.application.creation;

/**
 * The answer to the identity step. {@code NOT_IDENTIFIED} covers every mismatch alike (unknown NIR, wrong
 * name, date or postal code), so that the page cannot tell which field was wrong. What is said
 * about an existing account is said only to a person who was identified.
 */
public enum IdentityCheck {
    IDENTIFIED,
    NOT_IDENTIFIED,
    ACCOUNT_ACTIVE,
    ACCOUNT_PENDING,
    /** Too many identity attempts from this client address in the last minute: nothing was looked up. */
    TOO_MANY_ATTEMPTS
}
