package fr.ameli.compte.web.creation;

import java.util.Optional;
import fr.ameli.compte.domain.person.Nir;
import jakarta.enterprise.context.SessionScoped;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * That this browser just gave the right code for an account still waiting for activation:
 * kept in the session for ten minutes, it lets the login page offer a new activation mail
 * without asking for the code again, and without trusting anything the browser sends back.
 */
@SessionScoped
public class PendingActivationProof implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final long VALID_SECONDS = 600;

    private Nir nir;
    private Instant until;

    public void proven(Nir nir, Instant now) {
        this.nir = nir;
        this.until = now.plusSeconds(VALID_SECONDS);
    }

    /** The NIR proven, if still within ten minutes. */
    public Optional<Nir> nir(Instant now) {
        return nir != null && now.isBefore(until) ? Optional.of(nir) : Optional.empty();
    }

    public void clear() {
        nir = null;
        until = null;
    }
}
