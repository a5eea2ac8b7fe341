package fr.ameli.compte.web;

import fr.ameli.compte.application.LoginOutcome;
import fr.ameli.compte.application.ProvisionalCodes;
import fr.ameli.compte.domain.InvalidValueException;
import fr.ameli.compte.application.FranceConnectProvider;
import fr.ameli.compte.domain.Nir;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Clock;
import java.util.regex.Pattern;

/**
 * « J'accède à mon compte ameli » (SPEC §2.1): NIR and code personnel, through Jakarta Security;
 * or NIR and the provisional 4-digit code received by post, which continues the account creation.
 */
@Named
@RequestScoped
public class LoginPage {

    private static final Pattern PROVISIONAL = Pattern.compile("\\d{4}");

    @Inject
    SecurityContext securityContext;
    @Inject
    LoginOutcome outcome;
    @Inject
    PendingActivationProof pendingProof;
    @Inject
    ProvisionalCodes provisionalCodes;
    @Inject
    CreationWizard creation;
    @Inject
    FranceConnectProvider franceConnect;
    @Inject
    Clock clock;
    @Inject
    LoginFormToken formToken;

    private String nir;
    private String code;

    public String login() {
        if (!formToken.submittedWithTheCookie()) {
            // Not the form this browser was given (a forged cross-site POST, or cookies refused).
            Messages.errorKey(null, "login.formExpired");
            code = null;
            return null;
        }
        if (nir == null || nir.isBlank()) {
            Messages.errorKey("connexion:nir", "login.nir.required");
        }
        if (code == null || code.isEmpty()) {
            Messages.errorKey("connexion:code", "login.code.required");
        }
        if (Messages.hasErrors()) {
            return null;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (PROVISIONAL.matcher(code).matches()) {
            return loginWithProvisionalCode(request);
        }
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(nir, new Password(code)))
                        .newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> {
                faces.responseComplete();
                return null;
            }
            case SUCCESS -> {
                // SessionLoginMechanism gave the session a new id.
                return "/espace/index?faces-redirect=true";
            }
            default -> {
                switch (outcome.refusal()) {
                    case LOCKED -> Messages.error(null, Messages.format("login.locked", Messages.when(outcome.lockedUntil())));
                    case PENDING_ACTIVATION -> {
                        Messages.errorKey(null, "login.pending");
                        pendingProof.proven(Nir.parse(nir).digits13(), clock.instant());
                    }
                    default -> Messages.errorKey(null, "login.failed");
                }
                code = null;
                return null;
            }
        }
    }

    /** The FranceConnect button shows only once FranceConnect is configured. */
    public boolean isFranceConnect() {
        return franceConnect.enabled();
    }

    /** NIR + the 4-digit code received by post: the identity is proven, the wizard goes on. */
    private String loginWithProvisionalCode(HttpServletRequest request) {
        Nir parsed;
        try {
            parsed = Nir.parse(nir);
        } catch (InvalidValueException e) {
            Messages.errorKey(null, "login.failed");
            code = null;
            return null;
        }
        ProvisionalCodes.ProvisionalLogin login = provisionalCodes.login(parsed, code);
        code = null;
        if (login.claim() != null) {
            renewSessionId(request);
            return creation.continueWithProvisionalCode(login.claim());
        }
        if (login.lockedUntil() != null) {
            Messages.error(null, Messages.format("login.locked", Messages.when(login.lockedUntil())));
        } else {
            Messages.errorKey(null, "login.failed");
        }
        return null;
    }

    /**
     * A new session id at login: a session id known before cannot be used to ride this one. The
     * login page itself creates no session, so there may be none yet (a new one gets a new id).
     */
    private static void renewSessionId(HttpServletRequest request) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
    }

    public String getNir() {
        return nir;
    }

    public void setNir(String nir) {
        this.nir = nir;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
