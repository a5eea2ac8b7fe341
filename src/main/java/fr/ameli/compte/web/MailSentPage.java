package fr.ameli.compte.web;

import fr.ameli.compte.application.FrenchTime;
import fr.ameli.compte.application.PendingAccount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;


/**
 * « Un courriel vous a été envoyé » (SPEC §2.7). The wizard has ended; what it created comes by the
 * flash, once. A reload shows the general text without the address.
 */
@Named
@RequestScoped
public class MailSentPage {

    private PendingAccount pending;

    public PendingAccount getPending() {
        if (pending == null) {
            pending = (PendingAccount) FacesContext.getCurrentInstance().getExternalContext().getFlash().get("pendingAccount");
        }
        return pending;
    }

    public String getValidity() {
        return getPending() == null ? "" : FrenchTime.duration(pending.validity());
    }

    public String getUntil() {
        return getPending() == null ? "" : Messages.when(pending.linkExpiresAt());
    }
}
