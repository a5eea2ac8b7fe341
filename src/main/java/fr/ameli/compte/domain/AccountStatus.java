package fr.ameli.compte.domain;

/** The life of an account (SPEC §5): created pending, active once the emailed link is followed. */
public enum AccountStatus {
    PENDING_ACTIVATION,
    ACTIVE
}
