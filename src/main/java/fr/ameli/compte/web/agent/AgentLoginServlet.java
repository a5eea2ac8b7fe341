package fr.ameli.compte.web.agent;

import fr.ameli.compte.web.security.OpenIdLoginServlet;
import fr.ameli.compte.web.security.SessionLoginMechanism;
import fr.ameli.compte.application.agent.AgentCredential;
import fr.ameli.compte.application.agent.AgentIdentityProvider;
import fr.ameli.compte.application.connexion.OpenIdProvider;
import fr.ameli.compte.domain.agent.Agent;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * The agents' login through their organisation's OpenID Connect provider (PRODUCT §2.12).
 * {@code /agent/oidc/connexion} sends the browser to the provider; {@code /agent/oidc/retour} checks
 * its answer (state, code, ID token: {@link AgentIdentityProvider}) and opens an agent's session
 * with the roles the token names. No password of ours, ever. Any failure goes back to the agents'
 * login page with a plain message and a log line; without configuration both answer 404 and the
 * login page says the espace agent is not set up.
 */
@WebServlet(urlPatterns = {AgentLoginServlet.START, AgentLoginServlet.CALLBACK})
public class AgentLoginServlet extends OpenIdLoginServlet<Agent> {

    static final String START = "/agent/oidc/connexion";
    static final String CALLBACK = "/agent/oidc/retour";
    private static final Logger LOG = Logger.getLogger(AgentLoginServlet.class.getName());

    public AgentLoginServlet() {
        super(START, CALLBACK, SessionLoginMechanism.AGENT_LOGIN_PAGE + "?echec=true");
    }

    @Inject
    AgentIdentityProvider provider;

    @Override
    protected OpenIdProvider<Agent> provider() {
        return provider;
    }




    @Override
    protected void onIdentity(Agent agent, HttpServletRequest request, HttpServletResponse response) throws IOException, OpenIdProvider.Refused {
        AuthenticationStatus status = logIn(request, response, new AgentCredential(agent));
        if (status != AuthenticationStatus.SUCCESS) {
            throw new OpenIdProvider.Refused("the agent " + agent.subject() + " was not logged in: " + status, null);
        }
        LOG.info(() -> "Agent " + agent.subject() + " logged in with " + agent.roles());
        response.sendRedirect(request.getContextPath() + "/agent/index.xhtml");
    }
}
