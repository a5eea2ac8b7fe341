package fr.ameli.compte.application.connexion;

/**
 * FranceConnect, the identity provider behind the « S'identifier avec FranceConnect » button
 * (PRODUCT §2.1): it vouches for a person's names and birth date.
 */
public interface FranceConnectProvider extends OpenIdProvider<FranceConnectIdentity> {
}
