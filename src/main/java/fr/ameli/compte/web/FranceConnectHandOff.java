package fr.ameli.compte.web;

import fr.ameli.compte.application.connexion.FranceConnectIdentity;
import fr.ameli.compte.application.connexion.FranceConnectProvider;
import jakarta.enterprise.context.SessionScoped;

import java.io.Serial;
import java.io.Serializable;
import java.util.Optional;

/**
 * A FranceConnect login in this browser's session, typed instead of raw session attributes: what
 * {@link FranceConnectServlet} expects back (state, nonce, PKCE verifier) while the person is at
 * FranceConnect; then, back without an account here, who FranceConnect said the person is, for
 * the wizard's first page to type in. Each is taken once.
 */
@SessionScoped
public class FranceConnectHandOff implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private FranceConnectProvider.Pending expected;
    private FranceConnectIdentity identity;

    void expect(FranceConnectProvider.Pending pending) {
        this.expected = pending;
    }

    /** The login under way, if any; it is then forgotten (a return is used once). */
    Optional<FranceConnectProvider.Pending> takeExpected() {
        Optional<FranceConnectProvider.Pending> taken = Optional.ofNullable(expected);
        expected = null;
        return taken;
    }

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
