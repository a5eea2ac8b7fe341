package fr.ameli.compte.web.security;

import fr.ameli.compte.application.connexion.AccountIdentityStore;
import fr.ameli.compte.application.agent.AgentCredential;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.domain.agent.Agent;
import fr.ameli.compte.domain.agent.AgentRole;
import fr.ameli.compte.application.agent.AgentSessions;
import fr.ameli.compte.application.connexion.LoginSessions;
import fr.ameli.compte.domain.account.LoginSession;
import fr.ameli.compte.domain.person.Nir;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a person stays logged in (PRODUCT §2.9): the login page and FranceConnect hand a credential to
 * {@code SecurityContext.authenticate}; once the identity store accepts it, the caller and their
 * groups are kept in the HTTP session, and every later request tells the container who is calling
 * and with which groups. A protected page asked for without login sends the person to the login
 * page.
 *
 * <p>Why not Jakarta Security's built-in form mechanism with {@code @AutoApplySession}: Payara
 * then restores the caller from the session without their groups, and under load a logged-in
 * person sometimes got a 403 on « Mon espace » (3 journeys of 344 in the load benchmark; Payara
 * issue 6145), and on a node other than the one where they logged in always did (Payara issue
 * 6342). Here the groups travel with the session, which the cluster replicates.
 *
 * <p>Each login is also a row of {@link LoginSessions} whose key the session keeps; every request
 * checks it, so a session ended elsewhere (« Me déconnecter de tous les appareils », a new code
 * personnel) is logged out at its next request, on every server.
 *
 * <p>The caisse's agents log in here too, through their organisation's provider
 * ({@link AgentLoginServlet}): their session holds an {@link AgentOnDuty} instead, never both; a
 * page of {@code /agent/} asked for without it sends to the agents' login page. Its roles are read
 * once, at login, from the provider's token; its {@link AgentSessions} row, checked on every request,
 * ends it at its absolute lifetime or when a superviseur ends the agent's sessions.
 */
@ApplicationScoped
public class SessionLoginMechanism implements HttpAuthenticationMechanism {

    /** The session attribute holding the logged-in caller. */
    public static final String CALLER = SessionLoginMechanism.class.getName() + ".caller";

    /** The session attribute holding the agent logged in to the espace agent (never with a {@link #CALLER}). */
    static final String AGENT = SessionLoginMechanism.class.getName() + ".agent";

    /** The page a protected request without login is sent to. */
    static final String LOGIN_PAGE = "/index.xhtml";

    /** The espace agent: its pages, and where a request for one of them without an agent's login is sent. */
    static final String AGENT_PAGES = "/agent/";
    public static final String AGENT_LOGIN_PAGE = "/agent/connexion.xhtml";
    /** Where an agent's session that ended (its lifetime, or a superviseur) is sent. */
    static final String AGENT_SESSION_ENDED = AGENT_LOGIN_PAGE + "?fin=true";

    /** Where a session ended elsewhere is sent (« Me déconnecter de tous les appareils », a new code personnel). */
    static final String ENDED_ELSEWHERE = "/index.xhtml?deconnecte=ailleurs";

    /**
     * Who is logged in in this session: the caller's name (the NIR's 13 characters) and groups, the
     * key of its {@link LoginSessions} row, and when they last proved who they are — at login, or by
     * typing their code personnel again before a sensitive change ({@link Reauthentication},
     * PRODUCT §2.11).
     */
    public record LoggedIn(String name, Set<String> groups, String sessionKey, Instant provenAt) implements Serializable {
    }

    /** An agent of the caisse logged in to the espace agent (PRODUCT §2.12), when, and the key of its {@link AgentSessions} row. */
    record AgentOnDuty(Agent agent, Instant since, String sessionKey) implements Serializable {
        Set<String> groups() {
            return agent.roles().stream().map(AgentRole::group).collect(Collectors.toSet());
        }
    }

    /** When the agent whose session this is logged in; empty for any other session. */
    public static Optional<Instant> agentLoggedInAt(HttpSession session) {
        return session.getAttribute(AGENT) instanceof AgentOnDuty onDuty ? Optional.of(onDuty.since()) : Optional.empty();
    }

    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    LoginSessions loginSessions;
    @Inject
    AgentSessions agentSessions;
    @Inject
    Clock clock;
    @Inject
    ServiceSettings settings;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof AgentCredential agentLogin) {
            return agentLogin(request, context, identityStores.validate(credential), agentLogin);
        }
        if (credential != null) {
            return login(request, context, identityStores.validate(credential), AccountIdentityStore.methodOf(credential));
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(AGENT) instanceof AgentOnDuty onDuty) {
            if (agentSessions.stillOpen(onDuty.sessionKey())) {
                return context.notifyContainerAboutLogin(onDuty.agent().subject(), onDuty.groups());
            }
            // Past its absolute lifetime, or ended by a superviseur: logged out here, on any server.
            session.invalidate();
            return context.isProtected() ? context.redirect(request.getContextPath() + AGENT_SESSION_ENDED) : context.doNothing();
        }
        if (session != null && session.getAttribute(CALLER) instanceof LoggedIn caller) {
            if (loginSessions.stillOpen(caller.sessionKey())) {
                return context.notifyContainerAboutLogin(caller.name(), caller.groups());
            }
            // Ended from another device, or by a new code personnel: logged out here too, on any server.
            session.invalidate();
            return context.isProtected() ? context.redirect(request.getContextPath() + ENDED_ELSEWHERE) : context.doNothing();
        }
        if (context.isProtected()) {
            boolean agentPage = request.getServletPath().startsWith(AGENT_PAGES);
            return context.redirect(request.getContextPath() + (agentPage ? AGENT_LOGIN_PAGE : LOGIN_PAGE));
        }
        return context.doNothing();
    }

    /**
     * An agent's login (PRODUCT §2.12): a session of its own — whatever this browser's session held
     * (a person's login, a wizard) ends first, so a person's session and an agent's are never one —
     * that lasts {@code ameli.agent.session-timeout} when left alone.
     */
    private AuthenticationStatus agentLogin(HttpServletRequest request, HttpMessageContext context,
                                            CredentialValidationResult result, AgentCredential login) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession previous = request.getSession(false);
        if (previous != null) {
            previous.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, settings.agentSessionTimeout().toSeconds()));
        AgentOnDuty onDuty = new AgentOnDuty(login.agent(), clock.instant(), agentSessions.opened(login.agent()));
        session.setAttribute(AGENT, onDuty);
        return context.notifyContainerAboutLogin(onDuty.agent().subject(), onDuty.groups());
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context,
                                       CredentialValidationResult result, LoginSession.Method method) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        String name = result.getCallerPrincipal().getName();
        Optional<String> key = loginSessions.opened(Nir.parse(name), method);
        if (key.isEmpty()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SessionIds.renew(request);
        request.getSession().setMaxInactiveInterval((int) Math.min(Integer.MAX_VALUE, settings.spaceSessionTimeout().toSeconds()));
        request.getSession().removeAttribute(AGENT); // an agent logged in in this browser is logged out: never one session for both
        LoggedIn caller = new LoggedIn(name, Set.copyOf(result.getCallerGroups()), key.get(), clock.instant());
        request.getSession().setAttribute(CALLER, caller);
        return context.notifyContainerAboutLogin(caller.name(), caller.groups());
    }

    /** The key of this session's login (« cet appareil » in « Mes dernières connexions »), if someone is logged in. */
    public static Optional<String> sessionKey(HttpServletRequest request) {
        return loggedIn(request.getSession(false)).map(LoggedIn::sessionKey);
    }

    /** Who is logged in in this session, if anyone (none without a session). */
    public static Optional<LoggedIn> loggedIn(HttpSession session) {
        return session != null && session.getAttribute(CALLER) instanceof LoggedIn caller ? Optional.of(caller) : Optional.empty();
    }

    /** The key of the agent's {@code AgentSessions} row in this session, if an agent is logged in. */
    public static Optional<String> agentSessionKey(HttpSession session) {
        return session != null && session.getAttribute(AGENT) instanceof AgentOnDuty onDuty ? Optional.of(onDuty.sessionKey()) : Optional.empty();
    }

    /** The agent logged in in this session, if any. */
    public static Optional<Agent> agent(HttpSession session) {
        return session != null && session.getAttribute(AGENT) instanceof AgentOnDuty onDuty ? Optional.of(onDuty.agent()) : Optional.empty();
    }

    /** The caller proved again who they are (their code personnel): the login counts as fresh from {@code now}. */
    public static void provenAgain(HttpSession session, Instant now) {
        loggedIn(session).ifPresent(caller -> session.setAttribute(CALLER,
                new LoggedIn(caller.name(), caller.groups(), caller.sessionKey(), now)));
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CALLER);
            session.removeAttribute(AGENT);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
