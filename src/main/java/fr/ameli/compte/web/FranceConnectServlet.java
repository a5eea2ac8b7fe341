package fr.ameli.compte.web;

import fr.ameli.compte.application.connexion.FranceConnectCredential;
import fr.ameli.compte.application.connexion.FranceConnectIdentity;
import fr.ameli.compte.application.connexion.FranceConnectLogin;
import fr.ameli.compte.application.connexion.FranceConnectProvider;
import fr.ameli.compte.application.connexion.RememberedBrowserCredential;
import fr.ameli.compte.application.connexion.RememberedBrowsers;
import fr.ameli.compte.application.connexion.SecurityCodes;
import fr.ameli.compte.domain.person.Nir;
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
 * The FranceConnect button and its return (PRODUCT §2.1, §2.10). {@code /franceconnect/connexion} sends the
 * browser to FranceConnect; {@code /franceconnect/retour} checks the answer, then, for the one register
 * person with an active account that the identity is: at FranceConnect+'s level, logs them in; at the
 * standard level, sends the security code to the account and goes on to its page, as after a right
 * code personnel (or logs in a browser remembered for the account). Anyone else gets the account
 * creation with their names and birth date already typed.
 */
@WebServlet(urlPatterns = {FranceConnectServlet.START, FranceConnectServlet.CALLBACK})
public class FranceConnectServlet extends HttpServlet {

    static final String START = "/franceconnect/connexion";
    static final String CALLBACK = "/franceconnect/retour";
    private static final Logger LOG = Logger.getLogger(FranceConnectServlet.class.getName());

    @Inject
    FranceConnectProvider client;
    @Inject
    FranceConnectLogin franceConnectLogin;
    @Inject
    SecurityContext securityContext;
    @Inject
    FranceConnectHandOff handOff;
    @Inject
    SecurityCodes securityCodes;
    @Inject
    RememberedBrowsers rememberedBrowsers;
    @Inject
    PendingLogin pendingLogin;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!client.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            if (START.equals(request.getServletPath())) {
                start(request, response);
            } else {
                callback(request, response);
            }
        } catch (FranceConnectProvider.Refused e) {
            LOG.warning(() -> "FranceConnect login failed: " + e.getMessage());
            response.sendRedirect(request.getContextPath() + "/index.xhtml?franceconnect=echec");
        }
    }

    /** A login proven here: Jakarta Security keeps the caller (a new session id), then « Mon espace »; else the login page says it failed. */
    private void logIn(HttpServletRequest request, HttpServletResponse response, jakarta.security.enterprise.credential.Credential proven)
            throws IOException {
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams().credential(proven).newAuthentication(true));
        response.sendRedirect(request.getContextPath() + (status == AuthenticationStatus.SUCCESS
                ? "/espace/index.xhtml" : "/index.xhtml?franceconnect=echec"));
    }

    private void start(HttpServletRequest request, HttpServletResponse response)
            throws IOException, FranceConnectProvider.Refused {
        URI callback = URI.create(request.getRequestURL().toString()).resolve(request.getContextPath() + CALLBACK);
        Map.Entry<URI, FranceConnectProvider.Pending> start = client.start(client.redirectUri(callback));
        handOff.expect(start.getValue());
        response.sendRedirect(start.getKey().toString());
    }

    private void callback(HttpServletRequest request, HttpServletResponse response)
            throws IOException, FranceConnectProvider.Refused {
        // Without a session there is no login under way (and a forged return does not get one).
        Optional<FranceConnectProvider.Pending> pending = request.getSession(false) == null ? Optional.empty() : handOff.takeExpected();
        if (pending.isEmpty()) {
            throw new FranceConnectProvider.Refused("no FranceConnect login under way in this session", null);
        }
        FranceConnectProvider.Pending expected = pending.get();
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        FranceConnectIdentity identity = client.finish(URI.create(request.getRequestURL() + query), expected);
        Optional<Nir> account = franceConnectLogin.activeAccountOf(identity);
        if (account.isPresent() && identity.substantial()) {
            logIn(request, response, new FranceConnectCredential(account.get(), identity.acr()));
            return;
        }
        if (account.isPresent() && rememberedBrowsers.skipsSecurityCode(account.get())) {
            logIn(request, response, new RememberedBrowserCredential(account.get()));
            return;
        }
        if (account.isPresent()) {
            // The standard level vouches for one factor: the security code mailed to the account comes next.
            Optional<SecurityCodes.Sent> sent = securityCodes.send(account.get());
            if (sent.isPresent()) {
                SessionIds.renew(request);
                pendingLogin.firstStepDone(account.get(), sent.get(), true);
                response.sendRedirect(request.getContextPath() + "/connexion/code-securite.xhtml");
                return;
            }
        }
        handOff.handOver(identity);
        response.sendRedirect(request.getContextPath() + "/creation/identite.xhtml");
    }
}
