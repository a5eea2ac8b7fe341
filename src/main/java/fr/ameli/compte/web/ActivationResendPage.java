package fr.ameli.compte.web;

import fr.ameli.compte.application.ActivationResend;
import fr.ameli.compte.domain.Nir;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.util.Optional;

/**
 * « Recevoir un nouveau courriel d'activation », wherever the owner of a pending account has just
 * shown who they are: after a correct code at login, after being identified at step 1, and on the
 * « courriel envoyé » page right after creating the account. The proof lives in the session
 * ({@link PendingActivationProof}); the browser only says « send it again ».
 */
@Named
@RequestScoped
public class ActivationResendPage {

    @Inject
    PendingActivationProof proof;
    @Inject
    ActivationResend activationResend;
    @Inject
    Clock clock;

    /**
     * Offered while the proof is fresh and the account still waits (it may have been activated
     * meanwhile). Not cached: the login action sets the proof within the request that shows it.
     */
    public boolean isOffered() {
        if (FacesContext.getCurrentInstance().getExternalContext().getSession(false) == null) {
            // No session, no proof in it; looking would create one for every anonymous visit.
            return false;
        }
        String proven = proof.nir(clock.instant());
        return proven != null && activationResend.isPending(Nir.parse(proven));
    }

    public String resend() {
        String proven = proof.nir(clock.instant());
        if (proven == null) {
            Messages.errorKey(null, "login.resend.expired");
            return null;
        }
        Optional<ActivationResend.Outcome> outcome = activationResend.resend(Nir.parse(proven));
        if (outcome.isEmpty()) {
            proof.clear();
            Messages.errorKey(null, "login.resend.nothingPending");
            return null;
        }
        if (outcome.get().tooManyUntil() != null) {
            Messages.error(null, Messages.format("login.resend.tooMany", Messages.when(outcome.get().tooManyUntil())));
            return null;
        }
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put("pendingAccount", outcome.get().pending());
        return "/creation/courriel-envoye?faces-redirect=true";
    }
}
