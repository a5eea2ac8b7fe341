package fr.ameli.compte.web;

import fr.ameli.compte.application.agent.AgentCredential;
import fr.ameli.compte.application.agent.AgentIdentityProvider;
import fr.ameli.compte.application.connexion.OpenIdProvider;
import fr.ameli.compte.domain.agent.Agent;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
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
public class AgentLoginServlet extends HttpServlet {

    static final String START = "/agent/oidc/connexion";
    static final String CALLBACK = "/agent/oidc/retour";
    private static final Logger LOG = Logger.getLogger(AgentLoginServlet.class.getName());

    @Inject
    AgentIdentityProvider provider;
    @Inject
    AgentLoginHandOff handOff;
    @Inject
    SecurityContext securityContext;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!provider.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            if (START.equals(request.getServletPath())) {
                URI callback = URI.create(request.getRequestURL().toString()).resolve(request.getContextPath() + CALLBACK);
                Map.Entry<URI, OpenIdProvider.Pending> start = provider.start(provider.redirectUri(callback));
                handOff.expect(start.getValue());
                response.sendRedirect(start.getKey().toString());
            } else {
                callback(request, response);
            }
        } catch (OpenIdProvider.Refused e) {
            LOG.warning(() -> "Agent login refused: " + e.getMessage());
            response.sendRedirect(request.getContextPath() + SessionLoginMechanism.AGENT_LOGIN_PAGE + "?echec=true");
        }
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException, OpenIdProvider.Refused {
        // Without a session there is no login under way (and a forged return does not get one).
        Optional<OpenIdProvider.Pending> pending = request.getSession(false) == null ? Optional.empty() : handOff.takeExpected();
        if (pending.isEmpty()) {
            throw new OpenIdProvider.Refused("no agent login under way in this session", null);
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        Agent agent = provider.finish(URI.create(request.getRequestURL() + query), pending.get());
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams().credential(new AgentCredential(agent)).newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            throw new OpenIdProvider.Refused("the agent " + agent.subject() + " was not logged in: " + status, null);
        }
        LOG.info(() -> "Agent " + agent.subject() + " logged in with " + agent.roles());
        response.sendRedirect(request.getContextPath() + "/agent/index.xhtml");
    }
}
