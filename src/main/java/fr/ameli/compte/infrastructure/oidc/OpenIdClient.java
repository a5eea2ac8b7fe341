package fr.ameli.compte.infrastructure.oidc;

import com.nimbusds.oauth2.sdk.Scope;
import fr.ameli.compte.application.connexion.OpenIdProvider;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import fr.ameli.compte.infrastructure.config.OpenIdSettings;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One OpenID Connect client of ours: the shared {@link OpenIdConnectFlow} with its provider's
 * settings. A provider says only what differs — its settings, the scope and level it asks, the
 * claims it reads, and who the checked claims say the person is ({@link #identity}).
 *
 * @param <T> who the provider vouches for
 */
public abstract class OpenIdClient<T> implements OpenIdProvider<T> {

    @Inject
    AmeliConfig config;
    @Inject
    OpenIdConnectFlow flow;

    /** The provider's settings; empty while it is not configured. */
    protected abstract Optional<OpenIdSettings> settings();

    /** How the logs and refusals name the provider. */
    protected abstract String name();

    protected abstract Scope scope();

    /** The levels asked ({@code acr_values}); none by default. */
    protected List<String> acrValues() {
        return List.of();
    }

    /** The claims read, from the ID token or the user-info endpoint. */
    protected abstract List<String> claims();

    /** Who the checked claims say the person is; refused when they say too little. */
    protected abstract T identity(Map<String, Object> claims) throws Refused;

    @Override
    public boolean enabled() {
        return settings().isPresent();
    }

    @Override
    public URI redirectUri(URI callbackOfThisRequest) {
        return settings().flatMap(OpenIdSettings::redirectUrl).orElse(callbackOfThisRequest);
    }

    @Override
    public Map.Entry<URI, Pending> start(URI redirectUri) throws Refused {
        return flow.start(configured(), scope(), redirectUri, acrValues());
    }

    @Override
    public T finish(URI callback, Pending pending) throws Refused {
        return identity(flow.finish(configured(), callback, pending, claims()));
    }

    @Override
    public Optional<URI> logoutAt(URI afterwards) {
        return settings().flatMap(settings -> flow.logoutAt(settings, afterwards));
    }

    private OpenIdSettings configured() throws Refused {
        return settings().orElseThrow(() -> new Refused(name() + " is not configured", null));
    }

    /** A claim's value when it is a string. */
    protected static String text(Object claim) {
        return claim instanceof String s ? s : null;
    }
}
