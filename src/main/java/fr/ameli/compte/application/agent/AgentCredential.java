package fr.ameli.compte.application.agent;

import fr.ameli.compte.domain.agent.Agent;
import jakarta.security.enterprise.credential.Credential;

/**
 * An agent whom the organisation's OpenID Connect provider has just vouched for (the flow was
 * checked by {@link AgentIdentityProvider}): handed to {@code SecurityContext.authenticate} to open
 * an agent's session of the espace agent (PRODUCT §2.12).
 */
public record AgentCredential(Agent agent) implements Credential {
}
