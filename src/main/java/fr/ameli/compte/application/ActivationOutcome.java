package fr.ameli.compte.application;

/** What following an activation link did; each has its own page. */
public enum ActivationOutcome {
    ACTIVATED,
    ALREADY_USED,
    EXPIRED,
    UNKNOWN
}
