package fr.ameli.compte.web.connexion;

import fr.ameli.compte.web.shared.PageMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Credential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The end of a login proven on the server (PRODUCT §2.10: the security code accepted, or a
 * remembered browser after the code personnel): hands the credential to Jakarta Security, whose
 * {@link SessionLoginMechanism} renews the session id and keeps the caller; then « Mon espace ».
 */
@RequestScoped
public class LoginCompletion {

    /** Where a logged-in person goes. */
    static final String MY_SPACE = "/espace/index?faces-redirect=true";

    @Inject
    SecurityContext securityContext;
    @Inject
    FacesContext faces;
    @Inject
    ExternalContext external;
    @Inject
    PendingLogin pending;

    /** Logs in with {@code proven}: « Mon espace » on success, else null (the page says why, {@code refusedKey}). */
    String logIn(Credential proven, PageMessages messages, String refusedKey) {
        AuthenticationStatus status = securityContext.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), AuthenticationParameters.withParams().credential(proven).newAuthentication(true));
        switch (status) {
            case SUCCESS -> {
                pending.clear();
                return MY_SPACE;
            }
            case SEND_CONTINUE -> faces.responseComplete();
            case SEND_FAILURE, NOT_DONE -> {
                pending.clear();
                messages.errorKey(null, refusedKey);
            }
        }
        return null;
    }
}
