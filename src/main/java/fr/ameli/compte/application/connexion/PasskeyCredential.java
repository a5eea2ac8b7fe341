package fr.ameli.compte.application.connexion;

import fr.ameli.compte.domain.person.Nir;
import jakarta.security.enterprise.credential.Credential;

/**
 * A login proven by a passkey ({@link PasskeyLogin}: the assertion verified, its device unlocked by
 * the person): no code personnel, no security code (PRODUCT §2.1). Created only on the server, once
 * the assertion checked, never from anything a browser sends.
 */
public record PasskeyCredential(Nir nir) implements Credential {
}
