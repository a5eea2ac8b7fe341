package fr.ameli.compte.web.agent;

import fr.ameli.compte.web.security.SessionLoginMechanism;
import fr.ameli.compte.web.shared.Texts;
import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentAction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * Who is logged in to the espace agent (PRODUCT §2.12; {@code #{loggedInAgent}} in the pages'
 * menu): the agent the organisation's provider vouched for, as the session keeps them — never
 * anything the request says. The pages ask it what the agent may do ({@link AgentAction}).
 */
@Named
@RequestScoped
public class LoggedInAgent {

    @Inject
    ExternalContext external;
    @Inject
    fr.ameli.compte.application.agent.AgentSessions agentSessions;
    @Inject
    fr.ameli.compte.application.agent.AgentIdentityProvider provider;

    /** The agent of this session; empty when none is logged in. */
    Optional<Agent> agent() {
        return SessionLoginMechanism.agent(((HttpServletRequest) external.getRequest()).getSession(false));
    }

    /**
     * The one guard of the espace agent's actions: {@code action} runs for the agent of this session;
     * without one (a session that ended meanwhile), the browser goes to the agents' login page.
     */
    public String acting(java.util.function.Function<Agent, String> action) {
        Optional<Agent> agent = agent();
        // Not agent().map(action): an action that stays on its page answers null.
        return agent.isPresent() ? action.apply(agent.get()) : SessionLoginMechanism.AGENT_LOGIN_PAGE + "?faces-redirect=true";
    }

    public boolean isLoggedIn() {
        return agent().isPresent();
    }

    public String getName() {
        return agent().map(Agent::displayName).orElse("");
    }

    /** « Connecté : Claire Martin », for the menu. */
    public String getConnectedAs() {
        return Texts.format("agent.connected", getName());
    }

    /** Whether the agent may close an account, load a register extract and read the journal. */
    public boolean isSuperviseur() {
        return agent().filter(a -> a.may(AgentAction.CLOSE_ACCOUNT)).isPresent();
    }

    /**
     * « Me déconnecter »: the session ends — its {@link AgentSessions} row too —, then the provider's
     * own session when it announces an {@code end_session_endpoint} (RP-initiated logout: on a shared
     * counter computer, the next person must not get in by the provider's single sign-on), which
     * sends the browser back to the agents' login page.
     */
    public String logOut() throws ServletException, java.io.IOException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        SessionLoginMechanism.agentSessionKey(request.getSession(false)).ifPresent(agentSessions::ended);
        request.logout();
        external.invalidateSession();
        java.net.URI loggedOut = java.net.URI.create(request.getRequestURL().toString())
                .resolve(request.getContextPath() + SessionLoginMechanism.AGENT_LOGIN_PAGE + "?deconnecte=true");
        Optional<java.net.URI> atProvider = provider.logoutAt(loggedOut);
        if (atProvider.isPresent()) {
            external.redirect(atProvider.get().toString());
            return null;
        }
        return "/agent/connexion?faces-redirect=true&deconnecte=true";
    }
}
