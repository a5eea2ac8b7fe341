package fr.ameli.compte.domain.account;

/** The life of an account (PRODUCT §5): created pending, active once the emailed link is followed. */
public enum AccountStatus {
    PENDING_ACTIVATION,
    ACTIVE
}
