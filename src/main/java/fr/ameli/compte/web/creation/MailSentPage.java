package fr.ameli.compte.web.creation;

import fr.ameli.compte.web.shared.FlashData;
import fr.ameli.compte.application.shared.FrenchTime;
import jakarta.inject.Inject;
import fr.ameli.compte.application.creation.PendingAccount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;


/**
 * « Un courriel vous a été envoyé » (PRODUCT §2.7; {@code creation/courriel-envoye.xhtml}, {@code #{mailSentPage}}). The wizard has ended; what it created comes by the
 * flash, once. A reload shows the general text without the address.
 */
@Named
@RequestScoped
public class MailSentPage {

    @Inject
    FlashData flash;

    private PendingAccount pending;

    public PendingAccount getPending() {
        if (pending == null) {
            pending = flash.pendingAccount().orElse(null);
        }
        return pending;
    }

    public String getValidity() {
        return getPending() == null ? "" : FrenchTime.duration(pending.validity());
    }

    public String getUntil() {
        return getPending() == null ? "" : FrenchTime.when(pending.linkExpiresAt());
    }
}
