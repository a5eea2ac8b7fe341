package fr.ameli.compte.web.security;

import fr.ameli.compte.application.connexion.AccountIdentityStore;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Login with Jakarta Security: our own login page (a Faces form that calls
 * {@code SecurityContext.authenticate}), the {@link AccountIdentityStore}, the
 * {@link SessionLoginMechanism} that keeps the person logged in, and « Mon espace » reserved to
 * the role {@value AccountIdentityStore#INSURED} (web.xml). A protected page asked for without
 * login sends the person to the login page. The caisse's agents log in through their organisation's
 * provider ({@code AgentLoginServlet}, {@code AgentIdentityStore}) with the roles {@code agent} and
 * {@code superviseur}, which {@code /agent/} requires (PRODUCT §2.12).
 */
@DeclareRoles({AccountIdentityStore.INSURED, "agent", "superviseur"})
@ApplicationScoped
public class SecurityConfiguration {
}
