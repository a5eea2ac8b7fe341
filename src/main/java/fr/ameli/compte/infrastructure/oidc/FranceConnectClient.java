package fr.ameli.compte.infrastructure.oidc;

import com.nimbusds.oauth2.sdk.Scope;
import fr.ameli.compte.application.connexion.FranceConnectIdentity;
import fr.ameli.compte.application.connexion.FranceConnectProvider;
import fr.ameli.compte.domain.person.PivotIdentity;
import fr.ameli.compte.infrastructure.config.OpenIdSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * FranceConnect's client ({@code ameli.franceconnect.*}, PRODUCT §2.1): it asks for the « identité
 * pivot » (names, birth date, gender, birthplace and birth country) at the level
 * {@code ameli.franceconnect.acr-values} ({@code eidas1} by default), and checks the level
 * FranceConnect says the login had (the {@code acr} claim): one of FranceConnect's levels, never
 * below the one asked.
 */
@ApplicationScoped
public class FranceConnectClient extends OpenIdClient<FranceConnectIdentity> implements FranceConnectProvider {

    private static final List<String> PIVOT = List.of("given_name", "family_name", "birthdate", "gender", "birthplace", "birthcountry");

    @Override
    protected Optional<OpenIdSettings> settings() {
        return config.franceConnect();
    }

    @Override
    protected String name() {
        return "FranceConnect";
    }

    @Override
    protected Scope scope() {
        Scope scope = new Scope("openid");
        PIVOT.forEach(scope::add);
        return scope;
    }

    @Override
    protected List<String> acrValues() {
        return List.of(config.franceConnectAcrValues());
    }

    @Override
    protected List<String> claims() {
        return PIVOT;
    }

    @Override
    protected FranceConnectIdentity identity(Map<String, Object> claims) throws Refused {
        String acr = text(claims.get("acr"));
        int asked = FranceConnectIdentity.LEVELS.indexOf(config.franceConnectAcrValues());
        if (acr == null || FranceConnectIdentity.LEVELS.indexOf(acr) < Math.max(0, asked)) {
            throw new Refused("the login's level (acr) is " + acr + ", " + config.franceConnectAcrValues() + " was asked", null);
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
}
