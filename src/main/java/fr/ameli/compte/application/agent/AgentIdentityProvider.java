package fr.ameli.compte.application.agent;

import fr.ameli.compte.application.connexion.OpenIdProvider;
import fr.ameli.compte.domain.agent.Agent;

/**
 * The organisation's OpenID Connect provider, through which the caisse's staff log in to the
 * espace agent (PRODUCT §2.12; keys {@code ameli.agent.oidc.*}): it vouches for an agent, their
 * name and their roles. A login whose token names no role of ours is refused.
 */
public interface AgentIdentityProvider extends OpenIdProvider<Agent> {
}
