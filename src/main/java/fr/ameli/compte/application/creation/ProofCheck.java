package fr.ameli.compte.application.creation;

import java.time.Instant;

/**
 * The answer to the verification step: proven, or not, or refused without looking because of too many failed
 * proofs for this NIR ({@code lockedUntil} says until when).
 */
public record ProofCheck(boolean proven, Instant lockedUntil) {

    static final ProofCheck PROVEN = new ProofCheck(true, null);
    static final ProofCheck NOT_PROVEN = new ProofCheck(false, null);

    static ProofCheck locked(Instant until) {
        return new ProofCheck(false, until);
    }

    public boolean locked() {
        return lockedUntil != null;
    }
}
