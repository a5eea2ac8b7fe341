package fr.ameli.compte.application;

import fr.ameli.compte.domain.Nir;
import jakarta.security.enterprise.credential.Credential;

/**
 * A login already proven by FranceConnect (the ID token was checked and matched one person of
 * the register with an active account). Created only by the FranceConnect callback, on the
 * server, never from anything a browser sends.
 */
public record FranceConnectCredential(Nir nir) implements Credential {
}
