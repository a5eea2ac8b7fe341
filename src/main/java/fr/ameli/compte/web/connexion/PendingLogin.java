package fr.ameli.compte.web.connexion;

import fr.ameli.compte.application.connexion.SecurityCodes;
import fr.ameli.compte.domain.person.Nir;
import jakarta.enterprise.context.SessionScoped;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/**
 * A login halfway (PRODUCT §2.10): the NIR whose code personnel this browser just gave right, and
 * where its security code went; kept in the session for the security code page, and forgotten
 * once the person is logged in or the code is spent. Nobody is logged in by it.
 */
@SessionScoped
public class PendingLogin implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    private Nir nir;
    private String maskedEmail;
    private java.time.Instant noNewCodeUntil;
    private boolean franceConnect;

    /** The code personnel was right: the security code was sent (or could not be, until when). */
    void firstStepDone(Nir nir, SecurityCodes.Sent sent) {
        firstStepDone(nir, sent, false);
    }

    /** The first step was the code personnel, or ({@code franceConnect}) a FranceConnect login at its standard level. */
    void firstStepDone(Nir nir, SecurityCodes.Sent sent, boolean franceConnect) {
        this.nir = nir;
        this.maskedEmail = sent.maskedEmail();
        this.noNewCodeUntil = sent.tooManyUntil();
        this.franceConnect = franceConnect;
    }

    /** Whether the first step was a FranceConnect login (the page says why a code is asked). */
    boolean afterFranceConnect() {
        return franceConnect;
    }

    /** Until when no new code could be sent (several asked for in the hour): the last one mailed is the one to type. */
    java.time.Instant noNewCodeUntil() {
        return noNewCodeUntil;
    }

    Optional<Nir> nir() {
        return Optional.ofNullable(nir);
    }

    String maskedEmail() {
        return maskedEmail;
    }

    void clear() {
        nir = null;
        maskedEmail = null;
        noNewCodeUntil = null;
        franceConnect = false;
    }
}
