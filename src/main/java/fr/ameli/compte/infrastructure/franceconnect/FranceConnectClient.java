package fr.ameli.compte.infrastructure.franceconnect;

import com.nimbusds.oauth2.sdk.Scope;
import fr.ameli.compte.application.connexion.FranceConnectIdentity;
import fr.ameli.compte.application.connexion.FranceConnectProvider;
import fr.ameli.compte.domain.person.PivotIdentity;
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
 * {@code ameli.franceconnect.*} settings, asking for the « identité pivot » (names, birth date,
 * gender, birthplace and birth country) at the level {@code ameli.franceconnect.acr-values}
 * ({@code eidas1} by default), and checking the level FranceConnect says the login had (the
 * {@code acr} claim): one of FranceConnect's levels, never below the one asked.
 */
@ApplicationScoped
public class FranceConnectClient implements FranceConnectProvider {

    private static final List<String> CLAIMS = List.of("given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry");

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
        FranceConnectSettings settings = settings();
        return flow.start(settings, new Scope("openid", "given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry"),
                redirectUri, List.of(settings.acrValues()));
    }

    @Override
    public FranceConnectIdentity finish(URI callback, Pending pending) throws Refused {
        FranceConnectSettings settings = settings();
        Map<String, Object> claims = flow.finish(settings, callback, pending, CLAIMS);
        String acr = text(claims.get("acr"));
        int asked = FranceConnectIdentity.LEVELS.indexOf(settings.acrValues());
        if (acr == null || FranceConnectIdentity.LEVELS.indexOf(acr) < Math.max(0, asked)) {
            throw new Refused("the login's level (acr) is " + acr + ", " + settings.acrValues() + " was asked", null);
        }
        try {
            String birthdate = text(claims.get("birthdate"));
            return new FranceConnectIdentity(new PivotIdentity(text(claims.get("given_name")), text(claims.get("family_name")),
                    birthdate == null ? null : LocalDate.parse(birthdate), text(claims.get("gender")), text(claims.get("birthplace")),
                    text(claims.get("birthcountry"))), acr);
        } catch (DateTimeParseException e) {
            throw new Refused("unexpected claims", e);
        }
    }

    @Override
    public java.util.Optional<URI> logoutAt(URI afterwards) {
        return config.franceConnect().flatMap(settings -> flow.logoutAt(settings, afterwards));
    }

    private static String text(Object claim) {
        return claim instanceof String s ? s : null;
    }

    private FranceConnectSettings settings() throws Refused {
        return config.franceConnect().orElseThrow(() -> new Refused("FranceConnect is not configured", null));
    }
}
