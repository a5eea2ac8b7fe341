package fr.ameli.compte.web.connexion;

import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.web.shared.Texts;
import fr.ameli.compte.application.connexion.CodeReset;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.application.shared.ServiceSettings;
import fr.ameli.compte.domain.person.BirthDate;
import fr.ameli.compte.domain.person.Nir;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.util.Optional;

/**
 * « Code oublié ? » ({@code code-oublie.xhtml}, {@code #{forgottenCodePage}}): NIR and birth date.
 * The page answers the same whether or not an account matched (only badly typed fields get their
 * own message), so it tells nobody who has an account. A stateless view like the login page (nothing
 * typed here waits in a session, so no time limit runs out on it), guarded by the same
 * {@link LoginFormToken}.
 */
@Named
@RequestScoped
public class ForgottenCodePage {

    static final String FORM = "oubli";

    @Inject
    CodeReset codeReset;
    @Inject
    Clock clock;
    @Inject
    ServiceSettings settings;
    @Inject
    PageMessages messages;
    @Inject
    LoginFormToken formToken;

    private String nir;
    private String birthDate;
    private boolean sent;

    public String request() {
        if (!formToken.submittedWithTheCookie()) {
            // Not the form this browser was given (a forged cross-site POST, or cookies refused).
            messages.errorKey(null, "forgotten.formExpired");
            return null;
        }
        FieldReader fields = new FieldReader(messages, FORM);
        Optional<Nir> n = fields.required("nir", nir, Nir::parse);
        Optional<BirthDate> b = fields.required("naissance", birthDate, typed -> BirthDate.parse(typed.strip(), clock));
        if (n.isEmpty() || b.isEmpty()) {
            return null;
        }
        codeReset.request(n.get(), b.get().value());
        sent = true;
        return null;
    }

    /** « … un courriel vient d'être envoyé … valable … » with the link's validity ({@code ameli.code-reset.validity}). */
    public String getSentText() {
        return Texts.format("forgotten.sent", FrenchTime.duration(settings.codeResetValidity()));
    }

    public boolean isSent() {
        return sent;
    }

    public String getNir() {
        return nir;
    }

    public void setNir(String nir) {
        this.nir = nir;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String birthDate) {
        this.birthDate = birthDate;
    }
}
