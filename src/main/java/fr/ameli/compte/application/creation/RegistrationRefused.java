package fr.ameli.compte.application.creation;

import jakarta.ejb.ApplicationException;

/** The registration created nothing, and why; the transaction is rolled back. */
@ApplicationException(rollback = true)
public class RegistrationRefused extends Exception {

    public enum Reason {
        NOT_IDENTIFIED,
        NOT_PROVEN,
        TERMS_NOT_ACCEPTED,
        CODE_REJECTED,
        CODE_NOT_CONFIRMED,
        EMAIL_NOT_CONFIRMED,
        ACCOUNT_EXISTS
    }

    private final Reason reason;

    public RegistrationRefused(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
