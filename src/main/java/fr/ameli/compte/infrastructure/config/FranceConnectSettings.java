package fr.ameli.compte.infrastructure.config;

import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * The {@code ameli.franceconnect.*} keys, read together by MicroProfile Config. FranceConnect is
 * on (and its button shows) only once issuer, client id and secret are all set; the redirect URL
 * is optional (the service's own callback is used without it). Created by MicroProfile Config
 * itself, not by CDI: read through {@link AmeliConfig#franceConnect()}.
 */
@ConfigProperties(prefix = "ameli.franceconnect")
public class FranceConnectSettings implements OpenIdSettings {

    /** FranceConnect's issuer URL; its OpenID Connect discovery document is read from it. */
    Optional<URI> issuer;
    @ConfigProperty(name = "client-id")
    Optional<String> clientId;
    @ConfigProperty(name = "client-secret")
    Optional<String> clientSecret;
    /** The callback URL registered at FranceConnect ({@code …/franceconnect/retour}). */
    @ConfigProperty(name = "redirect-url")
    Optional<URI> redirectUrl;
    /**
     * The level asked of FranceConnect ({@code acr_values}): {@code eidas1}, the standard level (the
     * security code follows), or {@code eidas2} for FranceConnect+ only.
     */
    @ConfigProperty(name = "acr-values", defaultValue = "eidas1")
    String acrValues;

    /** Whether issuer, client id and secret are all set (a blank value counts as not set). */
    boolean complete() {
        return issuer.isPresent() && !clientId().isEmpty() && !clientSecret().isBlank();
    }

    @Override
    public URI issuer() {
        return issuer.orElseThrow();
    }

    @Override
    public String clientId() {
        return clientId.map(String::strip).orElse("");
    }

    @Override
    public String clientSecret() {
        return clientSecret.orElse("");
    }

    @Override
    public Optional<URI> redirectUrl() {
        return redirectUrl;
    }

    /** The level asked of FranceConnect, as the {@code acr_values} of the authorization request. */
    public String acrValues() {
        return acrValues.strip();
    }
}
