package fr.ameli.compte.web.espace;

import fr.ameli.compte.web.security.SessionIds;
import fr.ameli.compte.web.security.SessionLoginMechanism;
import fr.ameli.compte.application.connexion.AccountIdentityStore;
import fr.ameli.compte.domain.person.Nir;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.time.Duration;
import java.util.Optional;

/**
 * Who is logged in, for the pages of « Mon espace » (all under {@code /espace/}, reserved to the
 * group {@code assure} in web.xml): the NIR (the caller's name), this session's login key, and
 * how long an idle session lives.
 */
@RequestScoped
public class LoggedInPerson {

    @Inject
    SecurityContext securityContext;
    @Inject
    ExternalContext external;
    @Inject
    java.time.Clock clock;

    /**
     * The logged-in person's NIR; empty when nobody is (the page then shows nothing of an account),
     * or when the caller is an agent of the espace agent, whose name is no NIR.
     */
    Optional<Nir> nir() {
        Principal caller = securityContext.getCallerPrincipal();
        return caller == null || !securityContext.isCallerInRole(AccountIdentityStore.INSURED) ? Optional.empty()
                : Nir.tryParse(caller.getName());
    }

    /** The key of this session's login ({@code LoginSessions}). */
    Optional<String> sessionKey() {
        return SessionLoginMechanism.sessionKey(request());
    }

    /** How long this session lives without a request. */
    Duration idleTimeout() {
        return Duration.ofSeconds(Math.max(0, request().getSession().getMaxInactiveInterval()));
    }

    /** A new session id (after a new code personnel), the login kept. */
    void renewSessionId() {
        SessionIds.renew(request());
    }

    /** The person just typed their code personnel again: the login counts as fresh (Reauthentication). */
    void provenNow() {
        SessionLoginMechanism.provenAgain(request().getSession(false), clock.instant());
    }

    /** Logs out here: the container forgets the caller and the session ends. */
    void logOut() throws jakarta.servlet.ServletException {
        request().logout();
        external.invalidateSession();
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) external.getRequest();
    }
}
