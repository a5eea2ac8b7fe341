package fr.ameli.compte.web;

import fr.ameli.compte.application.CodeReset;
import fr.ameli.compte.application.FrenchTime;
import fr.ameli.compte.application.ServiceSettings;
import fr.ameli.compte.domain.BirthDate;
import fr.ameli.compte.domain.InvalidValueException;
import fr.ameli.compte.domain.Nir;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;

/**
 * « Code oublié ? »: NIR and birth date. The page answers the same whether or not an account
 * matched (only badly typed fields get their own message), so it tells nobody who has an account.
 */
@Named
@RequestScoped
public class ForgottenCodePage {

    @Inject
    CodeReset codeReset;
    @Inject
    Clock clock;
    @Inject
    ServiceSettings settings;

    private String nir;
    private String birthDate;
    private boolean sent;

    public String request() {
        Nir n = null;
        BirthDate b = null;
        if (nir == null || nir.isBlank()) {
            Messages.errorKey("oubli:nir", "wizard.required");
        } else {
            try {
                n = Nir.parse(nir);
            } catch (InvalidValueException e) {
                Messages.error("oubli:nir", e.getMessage());
            }
        }
        if (birthDate == null || birthDate.isBlank()) {
            Messages.errorKey("oubli:naissance", "wizard.required");
        } else {
            try {
                b = BirthDate.parse(birthDate.strip(), clock);
            } catch (InvalidValueException e) {
                Messages.error("oubli:naissance", e.getMessage());
            }
        }
        if (n == null || b == null) {
            return null;
        }
        codeReset.request(n, b.value());
        sent = true;
        return null;
    }

    /** « … un courriel vient d'être envoyé … valable 30 minutes … » */
    public String getSentText() {
        return Messages.format("forgotten.sent", FrenchTime.duration(settings.codeResetValidity()));
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
