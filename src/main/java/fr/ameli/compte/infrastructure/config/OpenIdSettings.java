package fr.ameli.compte.infrastructure.config;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * What any OpenID Connect client of ours needs to know of its provider — FranceConnect
 * ({@code ameli.franceconnect.*}), the agents' provider ({@code ameli.agent.oidc.*}) —, read the
 * same way for both by {@link #read}: on only once issuer, client id and secret are all set.
 *
 * @param issuer      the provider's issuer URL; its discovery document is read from it
 * @param redirectUrl the callback URL registered at the provider; the service's own callback when empty
 */
public record OpenIdSettings(URI issuer, String clientId, String clientSecret, Optional<URI> redirectUrl) {

    /**
     * The keys {@code <prefix>.issuer}, {@code .client-id}, {@code .client-secret} and
     * {@code .redirect-url}; empty while one of the first three is missing or blank.
     *
     * @throws IllegalStateException naming the key when a URL is not one
     */
    static Optional<OpenIdSettings> read(String prefix, Function<String, Optional<String>> value) {
        Optional<URI> issuer = url(prefix + ".issuer", value);
        String clientId = value.apply(prefix + ".client-id").map(String::strip).orElse("");
        String clientSecret = value.apply(prefix + ".client-secret").orElse("");
        Optional<URI> redirectUrl = url(prefix + ".redirect-url", value);
        return issuer.isPresent() && !clientId.isEmpty() && !clientSecret.isBlank()
                ? Optional.of(new OpenIdSettings(issuer.get(), clientId, clientSecret, redirectUrl)) : Optional.empty();
    }

    private static Optional<URI> url(String key, Function<String, Optional<String>> value) {
        Optional<String> typed = value.apply(key).map(String::strip).filter(v -> !v.isEmpty());
        try {
            return typed.map(URI::create).filter(URI::isAbsolute).or(() -> {
                if (typed.isPresent()) {
                    throw new IllegalArgumentException("not absolute");
                }
                return Optional.empty();
            });
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Configuration " + key + "=" + typed.orElse("") + " is invalid: expected an absolute URL (https://…)");
        }
    }
}
