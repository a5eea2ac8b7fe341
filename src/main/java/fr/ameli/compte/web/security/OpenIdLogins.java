package fr.ameli.compte.web.security;

import fr.ameli.compte.application.connexion.OpenIdProvider;
import jakarta.enterprise.context.SessionScoped;

import java.io.Serial;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Optional;

/**
 * The OpenID Connect logins under way in this browser's session, one per provider: what
 * {@link OpenIdLoginServlet} expects back (state, nonce, PKCE verifier) while the browser is at the
 * provider. Typed, instead of raw session attributes; each is taken once (a return is used once).
 */
@SessionScoped
public class OpenIdLogins implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final HashMap<String, OpenIdProvider.Pending> expected = new HashMap<>();

    void expect(String provider, OpenIdProvider.Pending pending) {
        expected.put(provider, pending);
    }

    /** The login under way with that provider, if any; it is then forgotten. */
    Optional<OpenIdProvider.Pending> takeExpected(String provider) {
        return Optional.ofNullable(expected.remove(provider));
    }
}
