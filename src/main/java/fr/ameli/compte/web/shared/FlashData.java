package fr.ameli.compte.web.shared;

import fr.ameli.compte.application.creation.PendingAccount;
import fr.ameli.compte.application.creation.ProvisionalCodes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.Flash;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * What an action hands to the page it redirects to, once, through the Faces flash: the account
 * just created or whose mail was sent again (« Un courriel vous a été envoyé »), the letter just
 * requested (« Un code provisoire vous est envoyé »), what a change in « Mon espace » did (its
 * confirmation). Every flash key is here.
 */
@RequestScoped
public class FlashData {

    static final String PENDING_ACCOUNT = "pendingAccount";
    static final String LETTER_SENT = "letterSent";
    static final String CONTACT_SAVED = "contactSaved";
    static final String PASSKEYS_DONE = "passkeysDone";

    @Inject
    Flash flash;

    public void pendingAccount(PendingAccount pending) {
        flash.put(PENDING_ACCOUNT, pending);
    }

    public Optional<PendingAccount> pendingAccount() {
        return Optional.ofNullable((PendingAccount) flash.get(PENDING_ACCOUNT));
    }

    public void letterSent(ProvisionalCodes.LetterSent sent) {
        flash.put(LETTER_SENT, sent);
    }

    public Optional<ProvisionalCodes.LetterSent> letterSent() {
        return Optional.ofNullable((ProvisionalCodes.LetterSent) flash.get(LETTER_SENT));
    }

    public void contactSaved(String confirmation) {
        flash.put(CONTACT_SAVED, confirmation);
    }

    public Optional<String> contactSaved() {
        return Optional.ofNullable((String) flash.get(CONTACT_SAVED));
    }

    /** « Mes clés d'accès »: what was just done (added, renamed, removed), for the page shown again. */
    public void passkeysDone(String confirmation) {
        flash.put(PASSKEYS_DONE, confirmation);
    }

    public Optional<String> passkeysDone() {
        return Optional.ofNullable((String) flash.get(PASSKEYS_DONE));
    }
}
