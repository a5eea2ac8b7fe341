package fr.ameli.compte.web;

import fr.ameli.compte.application.FranceConnectIdentity;
import jakarta.enterprise.context.SessionScoped;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/**
 * Back from FranceConnect without an account here: who FranceConnect said the person is, handed
 * from {@link FranceConnectServlet} to the wizard's first page (which types it in) through the
 * session, once.
 */
@SessionScoped
public class FranceConnectHandOff implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private FranceConnectIdentity identity;

    void handOver(FranceConnectIdentity identity) {
        this.identity = identity;
    }

    /** The identity handed over, if any; it is then forgotten. */
    Optional<FranceConnectIdentity> take() {
        Optional<FranceConnectIdentity> taken = Optional.ofNullable(identity);
        identity = null;
        return taken;
    }
}
