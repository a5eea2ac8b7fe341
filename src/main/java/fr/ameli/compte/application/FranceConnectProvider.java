package fr.ameli.compte.application;

import java.io.Serial;
import java.io.Serializable;
import java.net.URI;
import java.util.Map;

/**
 * FranceConnect, the identity provider behind the « S'identifier avec FranceConnect » button, as
 * the web layer sees it: whether it is configured, where to send the browser, and what the
 * browser brought back (implemented in {@code infrastructure.franceconnect} with OpenID Connect).
 */
public interface FranceConnectProvider {

    /** What the browser's trip to FranceConnect must bring back; kept in the session meanwhile. */
    record Pending(String state, String nonce, String codeVerifier, URI redirectUri) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** FranceConnect refused, or answered something that does not check. */
    class FranceConnectException extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;

        public FranceConnectException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Whether FranceConnect is configured (the button shows only then). */
    boolean enabled();

    /** The redirect URL registered at FranceConnect, or the service's own callback when none is configured. */
    URI redirectUri(URI callbackOfThisRequest);

    /** The authorization request: where to send the browser, and what to remember until it comes back. */
    Map.Entry<URI, Pending> start(URI redirectUri) throws FranceConnectException;

    /** The browser came back: checks everything and gives the identity FranceConnect vouches for. */
    FranceConnectIdentity finish(URI callback, Pending pending) throws FranceConnectException;
}
