package fr.ameli.compte.infrastructure.franceconnect;

import com.nimbusds.oauth2.sdk.Scope;
import fr.ameli.compte.application.FranceConnectIdentity;
import fr.ameli.compte.application.FranceConnectProvider;
import fr.ameli.compte.infrastructure.config.AmeliConfig;
import fr.ameli.compte.infrastructure.config.FranceConnectSettings;
import fr.ameli.compte.infrastructure.oidc.OpenIdConnectFlow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * FranceConnect's OpenID Connect client: the shared {@link OpenIdConnectFlow} with the
 * {@code ameli.franceconnect.*} settings, asking for the names and the birth date.
 */
@ApplicationScoped
public class FranceConnectClient implements FranceConnectProvider {

    private static final List<String> CLAIMS = List.of("given_name", "family_name", "birthdate");

    @Inject
    AmeliConfig config;
    @Inject
    OpenIdConnectFlow flow;

    @Override
    public boolean enabled() {
        return config.franceConnect().isPresent();
    }

    @Override
    public URI redirectUri(URI callbackOfThisRequest) {
        return config.franceConnect().flatMap(FranceConnectSettings::redirectUrl).orElse(callbackOfThisRequest);
    }

    @Override
    public Map.Entry<URI, Pending> start(URI redirectUri) throws Refused {
        return flow.start(settings(), new Scope("openid", "given_name", "family_name", "birthdate"), redirectUri);
    }

    @Override
    public FranceConnectIdentity finish(URI callback, Pending pending) throws Refused {
        Map<String, Object> claims = flow.finish(settings(), callback, pending, CLAIMS);
        try {
            String birthdate = claims.get("birthdate") instanceof String b ? b : null;
            return new FranceConnectIdentity(text(claims.get("given_name")), text(claims.get("family_name")),
                    birthdate == null ? null : LocalDate.parse(birthdate));
        } catch (DateTimeParseException e) {
            throw new Refused("unexpected claims", e);
        }
    }

    private static String text(Object claim) {
        return claim instanceof String s ? s : null;
    }

    private FranceConnectSettings settings() throws Refused {
        return config.franceConnect().orElseThrow(() -> new Refused("FranceConnect is not configured", null));
    }
}
