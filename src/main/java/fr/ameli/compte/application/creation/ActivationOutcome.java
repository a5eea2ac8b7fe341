package fr.ameli.compte.application.creation;

/** What an activation link does, or did; each has its own page. */
public enum ActivationOutcome {
    /** Valid and not yet used: the page offers « Activer mon compte ». */
    READY,
    ACTIVATED,
    ALREADY_USED,
    EXPIRED,
    UNKNOWN
}
