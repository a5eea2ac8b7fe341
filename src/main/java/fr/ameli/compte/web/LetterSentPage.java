package fr.ameli.compte.web;

import fr.ameli.compte.application.ProvisionalCodes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** « Un code provisoire vous est envoyé par courrier »: where (postal code only) and until when. */
@Named
@RequestScoped
public class LetterSentPage {

    private ProvisionalCodes.LetterSent sent;

    public ProvisionalCodes.LetterSent getSent() {
        if (sent == null) {
            sent = (ProvisionalCodes.LetterSent) FacesContext.getCurrentInstance().getExternalContext().getFlash().get("letterSent");
        }
        return sent;
    }

    public String getWhere() {
        return getSent() == null ? "" : Messages.format(sent.alreadySent() ? "letter.alreadySent" : "letter.sent",
                sent.postalCode(), sent.city() == null ? "" : sent.city());
    }

    public String getValidity() {
        return getSent() == null ? "" : Messages.format("letter.validity", Messages.when(sent.expiresAt()));
    }
}
