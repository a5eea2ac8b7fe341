package fr.ameli.compte.web.creation;

import fr.ameli.compte.application.creation.IdentityClaim;
import fr.ameli.compte.application.creation.IdentityProof;

import java.io.Serial;
import java.io.Serializable;

/**
 * Where a person is in the wizard: the furthest {@link WizardStep} they may open, and what the
 * services established on the way (the identity claimed, then its proof: the register's tails, or
 * the id of the provisional code whose login proved it). Each method returns the navigation outcome
 * of the page to show (null: stay on this page). Every page's GET and every submit ask {@link #guard}
 * first: a form posted from an older page of the same wizard acts on nothing it has not reached.
 */
final class WizardProgress implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private WizardStep reached = WizardStep.IDENTITY;
    private IdentityClaim claim;
    private IdentityProof proof;
    private Long provisionalCodeId;

    /** Null when the step may open; else where to send the person instead (the step they reached). */
    String guard(WizardStep step) {
        return step.compareTo(reached) > 0 ? reached.redirect() : null;
    }

    /**
     * The register knows this person: on to {@link WizardStep#VERIFICATION}. Another person, or
     * corrected data: what was proven for the old claim no longer counts.
     */
    String identified(IdentityClaim identified) {
        if (identified.equals(claim)) {
            return WizardStep.VERIFICATION.redirect();
        }
        claim = identified;
        proof = null;
        provisionalCodeId = null;
        return backTo(WizardStep.VERIFICATION);
    }

    /** The identity proven by the register's IBAN and Vitale tails: on to {@link WizardStep#TERMS}. */
    String proven(IdentityProof proven) {
        proof = proven;
        provisionalCodeId = null;
        return advanceTo(WizardStep.TERMS);
    }

    /**
     * The identity proven by a provisional code instead, the one of id {@code codeId} (the
     * registration consumes that one, never another code of the NIR); on to the terms.
     */
    String provenByProvisionalCode(IdentityClaim proven, long codeId) {
        claim = proven;
        proof = null;
        provisionalCodeId = codeId;
        return backTo(WizardStep.TERMS);
    }

    /** What was proven no longer holds (the register changed): the person starts again. */
    String restart() {
        claim = null;
        proof = null;
        provisionalCodeId = null;
        return backTo(WizardStep.IDENTITY);
    }

    /** A step succeeded: the next one opens (going back and forward again loses nothing). */
    String advanceTo(WizardStep step) {
        if (step.compareTo(reached) > 0) {
            reached = step;
        }
        return step.redirect();
    }

    /** What was established from {@code step} on must be done again. */
    String backTo(WizardStep step) {
        reached = step;
        return step.redirect();
    }

    /** The person stays on {@code step}, which now is as far as they may go. */
    String stayAt(WizardStep step) {
        reached = step;
        return null;
    }

    WizardStep reached() {
        return reached;
    }

    IdentityClaim claim() {
        return claim;
    }

    IdentityProof proof() {
        return proof;
    }

    Long provisionalCodeId() {
        return provisionalCodeId;
    }
}
