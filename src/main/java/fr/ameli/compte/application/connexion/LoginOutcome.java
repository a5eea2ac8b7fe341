package fr.ameli.compte.application.connexion;

import jakarta.enterprise.context.RequestScoped;

import java.time.Instant;

/**
 * Why the identity store refused a login, for the login page of the same request: the page says
 * « not yet activated » or « locked until … » without checking the code a second time.
 */
@RequestScoped
public class LoginOutcome {

    /** LOCKED: from this address, until {@link #lockedUntil}; SLOWED: one try a minute for the NIR, next at {@link #lockedUntil}. */
    public enum Refusal { WRONG_CREDENTIALS, PENDING_ACTIVATION, LOCKED, SLOWED }

    private Refusal refusal = Refusal.WRONG_CREDENTIALS;
    private Instant lockedUntil;

    void refuse(Refusal refusal, Instant lockedUntil) {
        this.refusal = refusal;
        this.lockedUntil = lockedUntil;
    }

    public Refusal refusal() {
        return refusal;
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }
}
