package fr.ameli.compte.web;

import fr.ameli.compte.application.AccountIdentityStore;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Login with Jakarta Security: our own login page (a Faces form that calls
 * {@code SecurityContext.authenticate}), the {@link AccountIdentityStore}, and « Mon espace »
 * reserved to the role {@value AccountIdentityStore#INSURED} (web.xml). A protected page asked
 * for without login sends the person to the login page.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/index.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles(AccountIdentityStore.INSURED)
@ApplicationScoped
public class SecurityConfiguration {
}
