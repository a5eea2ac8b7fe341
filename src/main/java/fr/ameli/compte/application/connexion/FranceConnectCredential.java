package fr.ameli.compte.application.connexion;

import fr.ameli.compte.domain.person.Nir;
import jakarta.security.enterprise.credential.Credential;

/**
 * A login already proven by FranceConnect+ (the ID token was checked, said a login at level
 * {@code eidas2} or above, and matched one person of the register with an active account):
 * two factors at the identity provider, so no security code. Created only by the FranceConnect
 * callback, on the server, never from anything a browser sends; a login at the standard level
 * goes on to the security code instead ({@link SecurityCodeCredential}).
 */
public record FranceConnectCredential(Nir nir, String acr) implements Credential {

    /** Whether the level it was made at lets it log in without a security code (PRODUCT §2.10). */
    public boolean substantial() {
        return FranceConnectIdentity.LEVELS.indexOf(acr) >= FranceConnectIdentity.LEVELS.indexOf("eidas2");
    }
}
