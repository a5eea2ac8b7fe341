package fr.ameli.compte.web.connexion;

import fr.ameli.compte.web.http.Cookies;
import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.web.shared.Texts;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.application.connexion.RememberedBrowsers;
import fr.ameli.compte.application.connexion.SecurityCodeCredential;
import fr.ameli.compte.application.connexion.SecurityCodes;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.domain.person.Nir;
import fr.ameli.compte.domain.account.SecurityCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Optional;

/**
 * « Saisissez le code de sécurité reçu par email » (PRODUCT §2.10; {@code connexion/code-securite.xhtml},
 * {@code #{securityCodePage}}), the login's second step, after a correct code personnel
 * ({@link PendingLogin}). The person is logged in — session id renewed by
 * {@link SessionLoginMechanism} — only once the code is accepted; with « Cet appareil
 * m'appartient » checked, this browser is remembered for the account ({@link RememberedBrowsers}:
 * a cookie for this site only, SameSite=Strict) and skips this step for 30 days.
 */
@Named
@RequestScoped
public class SecurityCodePage {

    static final String FORM = "codeSecurite";

    @Inject
    PendingLogin pending;
    @Inject
    SecurityCodes securityCodes;
    @Inject
    RememberedBrowsers rememberedBrowsers;
    @Inject
    LoginCompletion completion;
    @Inject
    PageMessages messages;
    @Inject
    ExternalContext external;
    @Inject
    ServiceSettings settings;

    private String code;
    /** « Cet appareil m'appartient … », unchecked unless the person checks it (town-hall computers are shared). */
    private boolean remember;
    private boolean resent;

    /** On GET: only after a correct code personnel. */
    public String enter() {
        return pending.nir().isPresent() ? null : "/index?faces-redirect=true";
    }

    public String validate() {
        Optional<Nir> nir = pending.nir();
        if (nir.isEmpty()) {
            return "/index?faces-redirect=true";
        }
        FieldReader fields = new FieldReader(messages, FORM);
        if (!fields.present("code", code == null ? null : code.strip(), "securityCode.required")) {
            return null;
        }
        if (!SecurityCode.looksLike(code)) {
            fields.error("code", "securityCode.shape");
            return null;
        }
        SecurityCodes.Outcome tried = securityCodes.verify(nir.get(), code);
        code = null;
        if (tried.lockedUntil() != null) {
            pending.clear();
            messages.errorFormat(null, "login.locked", FrenchTime.when(tried.lockedUntil()));
            return null;
        }
        switch (tried.result()) {
            case ACCEPTED -> { return logIn(nir.get()); }
            case WRONG -> messages.errorFormat(fields.clientId("code"), "securityCode.wrong", tried.triesLeft());
            case SPENT -> {
                pending.clear();
                messages.errorKey(null, "securityCode.spent");
            }
        }
        return null;
    }

    /** « Recevoir un nouveau code »: the old one stops working; a few an hour. */
    public String resend() {
        Optional<Nir> nir = pending.nir();
        if (nir.isEmpty()) {
            return "/index?faces-redirect=true";
        }
        Optional<SecurityCodes.Sent> sent = securityCodes.send(nir.get());
        if (sent.isEmpty()) {
            pending.clear();
            messages.errorKey(null, "securityCode.spent");
        } else if (!sent.get().sent()) {
            messages.errorFormat(null, "securityCode.tooMany", FrenchTime.when(sent.get().tooManyUntil()));
        } else {
            resent = true;
        }
        return null;
    }

    private String logIn(Nir nir) {
        String next = completion.logIn(new SecurityCodeCredential(nir, pending.afterFranceConnect()), messages, "securityCode.spent");
        if (remember && LoginCompletion.MY_SPACE.equals(next)) {
            // Only once logged in: a refused login remembers nothing.
            rememberedBrowsers.remember(nir).ifPresent(cookie -> Cookies.give((HttpServletRequest) external.getRequest(),
                    (HttpServletResponse) external.getResponse(), cookie.name(), cookie.value(), cookie.maxAge(), Cookies.SameSite.STRICT));
        }
        return next;
    }

    /** Whether the first step was FranceConnect at its standard level (the page says why the code is asked all the same). */
    public boolean isAfterFranceConnect() {
        return pending.afterFranceConnect();
    }

    /** Whether a login is under way here (else the page offers to start again). */
    public boolean isPending() {
        return pending.nir().isPresent();
    }

    /** « … nous venons d'envoyer un code … à l'adresse m•••@exemple.fr. Il est valable 10 minutes … » ({@code ameli.security-code.validity}). */
    public String getSentTo() {
        if (pending.noNewCodeUntil() != null) {
            return Texts.format("securityCode.notSent", pending.maskedEmail(), FrenchTime.when(pending.noNewCodeUntil()));
        }
        return Texts.format("securityCode.sentTo", pending.maskedEmail(), FrenchTime.duration(settings.securityCodeValidity()));
    }

    public boolean isResent() {
        return resent;
    }

    public boolean isRemember() {
        return remember;
    }

    public void setRemember(boolean remember) {
        this.remember = remember;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
