package fr.ameli.compte.web.connexion;

import fr.ameli.compte.web.creation.CreationWizard;
import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.web.creation.PendingActivationProof;
import fr.ameli.compte.web.security.SessionIds;
import fr.ameli.compte.application.connexion.AccountIdentityStore;
import fr.ameli.compte.application.connexion.FranceConnectProvider;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.application.connexion.LoginOutcome;
import fr.ameli.compte.application.creation.ProvisionalCodes;
import fr.ameli.compte.application.connexion.RememberedBrowserCredential;
import fr.ameli.compte.application.connexion.RememberedBrowsers;
import fr.ameli.compte.application.connexion.SecurityCodes;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.account.ProvisionalCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * « J'accède à mon compte ameli » (PRODUCT §2.1; {@code index.xhtml}, {@code #{loginPage}}): NIR
 * and code personnel, the first step of the login, then the security code mailed to the account
 * ({@link SecurityCodePage}) unless this browser is remembered for the account; or NIR and the provisional 4-digit code received by post, which
 * continues the account creation (no email yet, so no security code).
 */
@Named
@RequestScoped
public class LoginPage {

    static final String FORM = "connexion";

    @Inject
    AccountIdentityStore identityStore;
    @Inject
    SecurityCodes securityCodes;
    @Inject
    PendingLogin pendingLogin;
    @Inject
    RememberedBrowsers rememberedBrowsers;
    @Inject
    LoginCompletion completion;
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
    fr.ameli.compte.application.shared.ServiceSettings settings;
    @Inject
    Clock clock;
    @Inject
    LoginFormToken formToken;
    @Inject
    PageMessages messages;
    @Inject
    ExternalContext external;

    private String nir;
    private String code;

    public String login() {
        if (!formToken.submittedWithTheCookie()) {
            // Not the form this browser was given (a forged cross-site POST, or cookies refused).
            messages.errorKey(null, "login.formExpired");
            code = null;
            return null;
        }
        FieldReader fields = new FieldReader(messages, FORM);
        boolean typed = fields.present("nir", nir == null ? null : nir.strip(), "login.nir.required")
                & fields.present("code", code, "login.code.required");
        if (!typed) {
            return null;
        }
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (ProvisionalCode.looksLike(code)) {
            return loginWithProvisionalCode(request);
        }
        CredentialValidationResult firstStep = identityStore.checkCodePersonnel(new UsernamePasswordCredential(nir, new Password(code)));
        code = null;
        if (firstStep.getStatus() != CredentialValidationResult.Status.VALID) {
            refused();
            return null;
        }
        Nir proven = Nir.parse(nir);
        if (rememberedBrowsers.skipsSecurityCode(proven)) {
            // « Cet appareil m'appartient » was checked here at an earlier login: no security code this time.
            return completion.logIn(new RememberedBrowserCredential(proven), messages, "login.failed");
        }
        // The code personnel is right: the security code mailed to the account comes next (nobody is logged in yet).
        Optional<SecurityCodes.Sent> sent = securityCodes.send(proven);
        if (sent.isEmpty()) {
            messages.errorKey(null, "login.failed");
            return null;
        }
        SessionIds.renew(request);
        pendingLogin.firstStepDone(proven, sent.get());
        return "/connexion/code-securite?faces-redirect=true";
    }

    /** Why the identity store refused, as it told {@link LoginOutcome}; the same words for an unknown NIR and a wrong code. */
    private void refused() {
        switch (outcome.refusal()) {
            case LOCKED -> locked(outcome.lockedUntil());
            case SLOWED -> slowed(outcome.lockedUntil());
            case PENDING_ACTIVATION -> {
                messages.errorKey(null, "login.pending");
                Nir.tryParse(nir).ifPresent(proven -> pendingProof.proven(proven, clock.instant()));
            }
            case WRONG_CREDENTIALS -> messages.errorKey(null, "login.failed");
        }
    }

    /** « Me connecter avec une clé d'accès » shows only when passkeys are offered (and, by its script, where WebAuthn works). */
    public boolean isPasskeys() {
        return settings.passkeysEnabled();
    }

    /** The FranceConnect button shows only once FranceConnect is configured. */
    public boolean isFranceConnect() {
        return franceConnect.enabled();
    }

    /** NIR + the 4-digit code received by post: the identity is proven, the wizard goes on. */
    private String loginWithProvisionalCode(HttpServletRequest request) {
        Optional<Nir> parsed = Nir.tryParse(nir);
        String typed = code;
        code = null;
        if (parsed.isEmpty()) {
            messages.errorKey(null, "login.failed");
            return null;
        }
        ProvisionalCodes.ProvisionalLogin login = provisionalCodes.login(parsed.get(), typed);
        if (login.claim() != null) {
            SessionIds.renew(request);
            return creation.continueWithProvisionalCode(login.claim(), login.codeId());
        }
        if (login.spent()) {
            messages.errorKey(null, "login.provisional.spent");
        } else if (login.slowed()) {
            slowed(login.lockedUntil());
        } else if (login.lockedUntil() != null) {
            locked(login.lockedUntil());
        } else {
            messages.errorKey(null, "login.failed");
        }
        return null;
    }

    private void locked(Instant until) {
        messages.errorFormat(null, "login.locked", FrenchTime.when(until));
    }

    private void slowed(Instant until) {
        messages.errorFormat(null, "login.slowed", FrenchTime.when(until));
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
