package fr.ameli.compte.web.security;

import fr.ameli.compte.application.connexion.OpenIdProvider;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A login through an OpenID Connect provider, the same for each of them (FranceConnect, the agents'
 * provider): its start path sends the browser to the provider, its callback path checks the answer
 * ({@link OpenIdProvider#finish}: state, code, ID token) and hands who the provider vouches for to
 * {@link #onIdentity}. Without configuration both paths answer 404; a return without a login under
 * way in this session (a forged one) or any refusal goes to {@link #failurePage} with a log line.
 *
 * @param <T> who the provider vouches for
 */
public abstract class OpenIdLoginServlet<T> extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(OpenIdLoginServlet.class.getName());

    private final String startPath;
    private final String callbackPath;
    private final String failurePage;

    @Inject
    OpenIdLogins logins;
    @Inject
    SecurityContext securityContext;

    /**
     * @param startPath    the path that sends the browser to the provider
     * @param callbackPath the path the provider sends the browser back to
     * @param failurePage  where a refused login goes (the context path is added)
     */
    protected OpenIdLoginServlet(String startPath, String callbackPath, String failurePage) {
        this.startPath = startPath;
        this.callbackPath = callbackPath;
        this.failurePage = failurePage;
    }

    protected abstract OpenIdProvider<T> provider();

    protected String failurePage() {
        return failurePage;
    }

    /** The provider vouched for {@code identity}: log in, or go on elsewhere. */
    protected abstract void onIdentity(T identity, HttpServletRequest request, HttpServletResponse response)
            throws IOException, OpenIdProvider.Refused;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!provider().enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String name = getClass().getSimpleName();
        try {
            if (startPath.equals(request.getServletPath())) {
                URI callback = URI.create(request.getRequestURL().toString()).resolve(request.getContextPath() + callbackPath);
                Map.Entry<URI, OpenIdProvider.Pending> start = provider().start(provider().redirectUri(callback));
                logins.expect(name, start.getValue());
                response.sendRedirect(start.getKey().toString());
                return;
            }
            // Without a session there is no login under way (and a forged return does not get one).
            Optional<OpenIdProvider.Pending> pending = request.getSession(false) == null ? Optional.empty() : logins.takeExpected(name);
            if (pending.isEmpty()) {
                throw new OpenIdProvider.Refused("no login under way in this session", null);
            }
            String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
            onIdentity(provider().finish(URI.create(request.getRequestURL() + query), pending.get()), request, response);
        } catch (OpenIdProvider.Refused e) {
            LOG.warning(() -> name + ": login refused: " + e.getMessage());
            response.sendRedirect(request.getContextPath() + failurePage);
        }
    }

    /** Jakarta Security keeps the caller proven here, in a new session id. */
    protected AuthenticationStatus logIn(HttpServletRequest request, HttpServletResponse response, Credential proven) {
        return securityContext.authenticate(request, response, AuthenticationParameters.withParams().credential(proven).newAuthentication(true));
    }
}
