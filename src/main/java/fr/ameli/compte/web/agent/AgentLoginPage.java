package fr.ameli.compte.web.agent;

import fr.ameli.compte.application.agent.AgentIdentityProvider;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The espace agent's login page ({@code agent/connexion.xhtml}, PRODUCT §2.12): one button to the
 * organisation's provider ({@link AgentLoginServlet}), or, without {@code ameli.agent.oidc.*}, the
 * sentence that the espace agent is not set up. Says why the agent is back: a login that failed,
 * or a logout.
 */
@Named
@RequestScoped
public class AgentLoginPage {

    @Inject
    AgentIdentityProvider provider;
    @Inject
    ExternalContext external;

    public boolean isSetUp() {
        return provider.enabled();
    }

    public boolean isFailed() {
        return "true".equals(external.getRequestParameterMap().get("echec"));
    }

    public boolean isLoggedOut() {
        return "true".equals(external.getRequestParameterMap().get("deconnecte"));
    }

    /** Where the button goes: the start of the provider's login. */
    public String getStartUrl() {
        return external.getRequestContextPath() + AgentLoginServlet.START;
    }
}
