package fr.ameli.compte.web.connexion;

import fr.ameli.compte.web.creation.PendingActivationProof;
import fr.ameli.compte.web.shared.FlashData;
import fr.ameli.compte.web.connexion.LoginFormToken;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.application.shared.FrenchTime;
import jakarta.faces.context.ExternalContext;
import fr.ameli.compte.application.creation.ActivationResend;
import fr.ameli.compte.domain.person.Nir;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.util.Optional;

/**
 * « Recevoir un nouveau courriel d'activation » ({@code #{activationResendPage}}), wherever the owner of a pending account has just
 * shown who they are: after a correct code at login, after being identified at the wizard's identity step, and on the
 * « courriel envoyé » page right after creating the account. The proof lives in the session
 * ({@link PendingActivationProof}); the browser only says « send it again », from a page's own form
 * ({@link LoginFormToken#allowsAction}: on the stateless login page, its token, as for the login itself).
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
    @Inject
    ExternalContext external;
    @Inject
    PageMessages messages;
    @Inject
    FlashData flash;
    @Inject
    LoginFormToken formToken;

    /**
     * Offered while the proof is fresh and the account still waits (it may have been activated
     * meanwhile). Not cached: the login action sets the proof within the request that shows it.
     */
    public boolean isOffered() {
        if (external.getSession(false) == null) {
            // No session, no proof in it; looking would create one for every anonymous visit.
            return false;
        }
        return proof.nir(clock.instant()).map(activationResend::isPending).orElse(false);
    }

    public String resend() {
        if (!formToken.allowsAction()) {
            // On the login page, which keeps no state, its token stands for the ViewState (a forged cross-site POST lacks it).
            messages.errorKey(null, "login.formExpired");
            return null;
        }
        Optional<Nir> proven = proof.nir(clock.instant());
        if (proven.isEmpty()) {
            messages.errorKey(null, "login.resend.expired");
            return null;
        }
        Optional<ActivationResend.Outcome> outcome = activationResend.resend(proven.get());
        if (outcome.isEmpty()) {
            proof.clear();
            messages.errorKey(null, "login.resend.nothingPending");
            return null;
        }
        if (outcome.get().tooManyUntil() != null) {
            messages.errorFormat(null, "login.resend.tooMany", FrenchTime.when(outcome.get().tooManyUntil()));
            return null;
        }
        flash.pendingAccount(outcome.get().pending());
        return "/creation/courriel-envoye?faces-redirect=true";
    }
}
