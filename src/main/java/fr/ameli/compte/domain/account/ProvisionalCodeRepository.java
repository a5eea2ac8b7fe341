package fr.ameli.compte.domain.account;

import fr.ameli.compte.domain.person.Nir;
import java.time.Instant;

/** The database of provisional codes sent by post (PRODUCT §2.3). */
public interface ProvisionalCodeRepository {

    /** The NIR's provisional codes, newest first. */
    java.util.List<ProvisionalCode> provisionalCodes(Nir nir);

    /**
     * Removes, set-based, the provisional codes that no longer matter at {@code now}: expired unused
     * (spent ones included), used by a login longer than {@link ProvisionalCode#REGISTRATION_WINDOW}
     * ago, or consumed by an account's creation. Returns how many (their rows hold a NIR in clear).
     */
    int forgetUselessProvisionalCodes(Instant now);

    /** A new provisional code; the NIR's older ones stop working, but one an account was already created with. */
    void replaceProvisionalCode(ProvisionalCode code);
}
