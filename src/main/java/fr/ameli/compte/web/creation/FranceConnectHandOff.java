package fr.ameli.compte.web.creation;

import fr.ameli.compte.application.connexion.FranceConnectIdentity;
import jakarta.enterprise.context.SessionScoped;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/**
 * Who FranceConnect said the person is, when they came back without an account here
 * ({@code FranceConnectServlet}): for the wizard's first page to type in; taken once.
 */
@SessionScoped
public class FranceConnectHandOff implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private FranceConnectIdentity identity;

    public void handOver(FranceConnectIdentity identity) {
        this.identity = identity;
    }

    /** The identity handed over, if any; it is then forgotten. */
    Optional<FranceConnectIdentity> take() {
        Optional<FranceConnectIdentity> taken = Optional.ofNullable(identity);
        identity = null;
        return taken;
    }
}
