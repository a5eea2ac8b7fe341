package fr.ameli.compte.application.connexion;

import fr.ameli.compte.domain.person.Nir;
import jakarta.security.enterprise.credential.Credential;

/**
 * A login whose two steps are proven: the code personnel — or a FranceConnect login at the
 * standard level ({@code afterFranceConnect}) —, then the security code mailed to the account's
 * address ({@link SecurityCodes#verify}). Created only on the server, by the security code page
 * once the code was accepted, never from anything a browser sends.
 */
public record SecurityCodeCredential(Nir nir, boolean afterFranceConnect) implements Credential {
}
