package fr.ameli.compte.infrastructure.config;

import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * The {@code ameli.agent.oidc.*} keys: the organisation's OpenID Connect provider through which
 * the caisse's agents log in to the espace agent (PRODUCT §2.12). On only once issuer, client id
 * and secret are all set; without them {@code /agent/} says it is not set up. The roles
 * {@code agent} and {@code superviseur} are read from the claim {@code roles-claim} (a list, or one
 * string with spaces or commas), the name shown from {@code name-claim}. Created by MicroProfile
 * Config itself, not by CDI: read through {@link AmeliConfig#agentOidc()}.
 */
@ConfigProperties(prefix = "ameli.agent.oidc")
public class AgentOidcSettings implements OpenIdSettings {

    Optional<URI> issuer;
    @ConfigProperty(name = "client-id")
    Optional<String> clientId;
    @ConfigProperty(name = "client-secret")
    Optional<String> clientSecret;
    /** The callback URL registered at the provider ({@code …/agent/oidc/retour}). */
    @ConfigProperty(name = "redirect-url")
    Optional<URI> redirectUrl;
    @ConfigProperty(name = "roles-claim", defaultValue = "roles")
    String rolesClaim;
    @ConfigProperty(name = "name-claim", defaultValue = "name")
    String nameClaim;

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

    /** The claim holding the agent's roles. */
    public String rolesClaim() {
        return rolesClaim.strip();
    }

    /** The claim holding the agent's name as shown in the pages. */
    public String nameClaim() {
        return nameClaim.strip();
    }
}
