package fr.ameli.compte.application.connexion;

import fr.ameli.compte.domain.person.PivotIdentity;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * What FranceConnect vouches for: the person's « identité pivot » ({@link PivotIdentity}) and the
 * level of the login made at the identity provider ({@code acr}, one of {@link #LEVELS}). The
 * standard level, {@code eidas1} (« faible »), vouches for one factor: such a login goes on to the
 * security code mailed to the account like any login. Only {@code eidas2} or above (FranceConnect+,
 * « substantiel ») counts as two factors of its own (PRODUCT §2.10).
 */
public record FranceConnectIdentity(PivotIdentity pivot, String acr) implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    /** FranceConnect's levels of assurance, lowest first. */
    public static final List<String> LEVELS = List.of("eidas1", "eidas2", "eidas3");

    /** Whether the login at the identity provider was at least « substantiel » (FranceConnect+): no security code then. */
    public boolean substantial() {
        return new FranceConnectCredential(null, acr).substantial();
    }

    public String givenNames() {
        return pivot.givenNames();
    }

    public String familyName() {
        return pivot.familyName();
    }

    public LocalDate birthDate() {
        return pivot.birthDate();
    }
}
