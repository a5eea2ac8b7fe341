package fr.ameli.compte.application.agent;

import fr.ameli.compte.application.security.SecretTokens;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentSession;
import fr.ameli.compte.domain.security.SecurityRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Optional;

/**
 * The sessions of the espace agent (PRODUCT §2.12), kept in the database as a person's logins are
 * ({@link LoginSessions}): the HTTP session holds a random key; every request of an agent's session
 * asks {@link #stillOpen}, so a session past its absolute lifetime ({@code ameli.agent.session-lifetime})
 * or ended by a superviseur is logged out at its next request, on every server.
 */
@Stateless
public class AgentSessions {

    @Inject
    SecurityRepository repository;
    @Inject
    ServiceSettings settings;
    @Inject
    Clock clock;

    /** An agent's login: the key its session keeps. */
    public String opened(Agent agent) {
        String key = SecretTokens.newToken();
        repository.addAgentSession(new AgentSession(SecretTokens.hash(key), agent.subject(), clock.instant(), settings.agentSessionLifetime()));
        return key;
    }

    /** Whether the session holding {@code key} may still be used. */
    public boolean stillOpen(String key) {
        if (key == null) {
            return false;
        }
        Optional<AgentSession> session = repository.findAgentSession(SecretTokens.hash(key));
        return session.isPresent() && session.get().openAt(clock.instant());
    }

    /** « Me déconnecter »: this session ends. */
    public void ended(String key) {
        if (key != null) {
            repository.endAgentSessions(Optional.of(SecretTokens.hash(key)), Optional.empty(), clock.instant());
        }
    }

    /** Every open session of the agent {@code subject} ends at its next request; returns how many were open. */
    public int endAll(String subject) {
        return repository.endAgentSessions(Optional.empty(), Optional.of(subject), clock.instant());
    }
}
