package fr.ameli.compte.web.connexion;

import fr.ameli.compte.application.connexion.PasskeyCredential;
import fr.ameli.compte.application.connexion.PasskeyLogin;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.web.security.PasskeyChallenges;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * « Me connecter avec une clé d'accès » (PRODUCT §2.1), for the login page's script
 * ({@code resources/js/cles-acces.js}). A POST with {@code etape=options} answers the options of
 * {@code navigator.credentials.get()} with a challenge given to this session (a session is made for
 * it); a POST of the form {@code cle-acces} with the browser's {@code reponse} checks it
 * ({@link PasskeyLogin}) and, when it proves an active account, logs it in (a new session id, as
 * every login) and goes to « Mon espace »; else back to the login page, which says it failed. Only
 * POST: a GET changes nothing. Without passkeys ({@code ameli.passkeys.enabled=false}): 404.
 */
@WebServlet(urlPatterns = PasskeyLoginServlet.PATH)
public class PasskeyLoginServlet extends HttpServlet {

    static final String PATH = "/connexion/cle-acces";
    static final String FAILED = "/index.xhtml?cle-acces=echec";

    @Inject
    PasskeyLogin passkeyLogin;
    @Inject
    PasskeyChallenges challenges;
    @Inject
    SecurityContext securityContext;
    @Inject
    ServiceSettings settings;
    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(settings.passkeysEnabled() ? HttpServletResponse.SC_METHOD_NOT_ALLOWED : HttpServletResponse.SC_NOT_FOUND);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!settings.passkeysEnabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if ("options".equals(request.getParameter("etape"))) {
            byte[] challenge = challenges.issue(PasskeyChallenges.Purpose.LOGIN, clock.instant());
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write(passkeyLogin.requestOptions(challenge));
            return;
        }
        String answer = request.getParameter("reponse");
        Optional<byte[]> challenge = request.getSession(false) == null ? Optional.empty()
                : challenges.take(PasskeyChallenges.Purpose.LOGIN, clock.instant());
        Optional<Nir> proven = answer == null || answer.isBlank() || answer.length() > 20_000 || challenge.isEmpty() ? Optional.empty()
                : passkeyLogin.logIn(answer, challenge.get());
        if (proven.isPresent() && securityContext.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new PasskeyCredential(proven.get())).newAuthentication(true)) == AuthenticationStatus.SUCCESS) {
            response.sendRedirect(request.getContextPath() + "/espace/index.xhtml");
            return;
        }
        response.sendRedirect(request.getContextPath() + FAILED);
    }
}
