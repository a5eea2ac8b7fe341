package fr.ameli.compte.application.connexion;

import fr.ameli.compte.domain.person.Nir;
import jakarta.security.enterprise.credential.Credential;

/**
 * A login proven by the code personnel from a browser remembered for the account
 * ({@link RememberedBrowsers#skipsSecurityCode}), which skips the security code (PRODUCT §2.10).
 * Created only on the server, by the login page once both were checked, never from anything a
 * browser sends.
 */
public record RememberedBrowserCredential(Nir nir) implements Credential {
}
