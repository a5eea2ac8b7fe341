package fr.ameli.compte.infrastructure.config;

import java.net.URI;
import java.util.Optional;

/** What any OpenID Connect client of ours needs to know of its provider (FranceConnect, the agents' provider). */
public interface OpenIdSettings {

    /** The provider's issuer URL; its discovery document is read from it. */
    URI issuer();

    String clientId();

    String clientSecret();

    /** The callback URL registered at the provider; the service's own callback when empty. */
    Optional<URI> redirectUrl();
}
