package fr.ameli.compte.application.connexion;

import java.io.Serial;
import java.io.Serializable;
import java.net.URI;
import java.util.Map;

/**
 * An OpenID Connect provider the browser is sent to for a login, as the web layer sees it:
 * FranceConnect for insured persons ({@link FranceConnectProvider}), the organisation's provider
 * for the caisse's agents ({@link AgentIdentityProvider}). Whether it is configured, where to
 * send the browser, and what the browser brought back once everything is checked (implemented in
 * {@code infrastructure.oidc} with the authorization-code flow).
 *
 * @param <T> who the provider vouches for
 */
public interface OpenIdProvider<T> {

    /** What the browser's trip to the provider must bring back; kept in the session meanwhile. */
    record Pending(String state, String nonce, String codeVerifier, URI redirectUri) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** The provider refused, or answered something that does not check. */
    class Refused extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;

        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Whether the provider is configured (its button shows, its pages work, only then). */
    boolean enabled();

    /** The redirect URL registered at the provider, or the service's own callback when none is configured. */
    URI redirectUri(URI callbackOfThisRequest);

    /** The authorization request: where to send the browser, and what to remember until it comes back. */
    Map.Entry<URI, Pending> start(URI redirectUri) throws Refused;

    /** The browser came back: checks everything and gives who the provider vouches for. */
    T finish(URI callback, Pending pending) throws Refused;

    /**
     * Where to send the browser so that the provider ends its own session too (OpenID Connect
     * RP-initiated logout), coming back to {@code afterwards}; empty when the provider announces no
     * {@code end_session_endpoint}, or cannot be reached.
     */
    java.util.Optional<URI> logoutAt(URI afterwards);

    /**
     * The origin ({@code https://host:port}) the browser is sent to by {@link #logoutAt}: pages whose
     * form leads there must allow it in their Content-Security-Policy ({@code form-action}), which
     * browsers also apply to the redirect that follows a form; empty as for {@link #logoutAt}.
     */
    default java.util.Optional<String> logoutOrigin() {
        return logoutAt(URI.create("http://localhost/")).map(at -> at.getScheme() + "://" + at.getRawAuthority());
    }
}
