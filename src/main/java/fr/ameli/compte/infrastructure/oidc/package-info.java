/**
 * The authorization-code flow shared by the OpenID Connect clients (Nimbus), and the agents' provider.
 */
package fr.ameli.compte.infrastructure.oidc;
