package fr.ameli.compte.web.connexion;

import fr.ameli.compte.web.creation.FranceConnectHandOff;
import fr.ameli.compte.web.security.OpenIdLoginServlet;
import fr.ameli.compte.web.security.SessionIds;
import fr.ameli.compte.application.connexion.FranceConnectCredential;
import fr.ameli.compte.application.connexion.FranceConnectIdentity;
import fr.ameli.compte.application.connexion.FranceConnectLogin;
import fr.ameli.compte.application.connexion.FranceConnectProvider;
import fr.ameli.compte.application.connexion.OpenIdProvider;
import fr.ameli.compte.application.connexion.RememberedBrowserCredential;
import fr.ameli.compte.application.connexion.RememberedBrowsers;
import fr.ameli.compte.application.connexion.SecurityCodes;
import fr.ameli.compte.domain.person.Nir;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * The FranceConnect button and its return (PRODUCT §2.1, §2.10). {@code /franceconnect/connexion} sends the
 * browser to FranceConnect; {@code /franceconnect/retour} checks the answer, then, for the one register
 * person with an active account that the identity is: at FranceConnect+'s level, logs them in; at the
 * standard level, sends the security code to the account and goes on to its page, as after a right
 * code personnel (or logs in a browser remembered for the account). Anyone else gets the account
 * creation with their names and birth date already typed.
 */
@WebServlet(urlPatterns = {FranceConnectServlet.START, FranceConnectServlet.CALLBACK})
public class FranceConnectServlet extends OpenIdLoginServlet<FranceConnectIdentity> {

    static final String START = "/franceconnect/connexion";
    static final String CALLBACK = "/franceconnect/retour";

    public FranceConnectServlet() {
        super(START, CALLBACK, "/index.xhtml?franceconnect=echec");
    }

    @Inject
    FranceConnectProvider client;
    @Inject
    FranceConnectLogin franceConnectLogin;
    @Inject
    FranceConnectHandOff handOff;
    @Inject
    SecurityCodes securityCodes;
    @Inject
    RememberedBrowsers rememberedBrowsers;
    @Inject
    PendingLogin pendingLogin;

    @Override
    protected OpenIdProvider<FranceConnectIdentity> provider() {
        return client;
    }




    @Override
    protected void onIdentity(FranceConnectIdentity identity, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Nir> account = franceConnectLogin.activeAccountOf(identity);
        if (account.isPresent() && identity.substantial()) {
            logInToMySpace(request, response, new FranceConnectCredential(account.get(), identity.acr()));
            return;
        }
        if (account.isPresent() && rememberedBrowsers.skipsSecurityCode(account.get())) {
            logInToMySpace(request, response, new RememberedBrowserCredential(account.get()));
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

    /** A login proven here: « Mon espace »; else the login page says it failed. */
    private void logInToMySpace(HttpServletRequest request, HttpServletResponse response, jakarta.security.enterprise.credential.Credential proven)
            throws IOException {
        response.sendRedirect(request.getContextPath() + (logIn(request, response, proven) == AuthenticationStatus.SUCCESS
                ? "/espace/index.xhtml" : failurePage()));
    }
}
