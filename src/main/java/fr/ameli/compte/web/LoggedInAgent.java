package fr.ameli.compte.web;

import fr.ameli.compte.domain.Agent;
import fr.ameli.compte.domain.AgentAction;
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

    /** The agent of this session; empty when none is logged in. */
    Optional<Agent> agent() {
        return SessionLoginMechanism.agent(((HttpServletRequest) external.getRequest()).getSession(false));
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

    /** « Me déconnecter »: the session ends; back to the agents' login page. */
    public String logOut() throws ServletException {
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/agent/connexion?faces-redirect=true&deconnecte=true";
    }
}
