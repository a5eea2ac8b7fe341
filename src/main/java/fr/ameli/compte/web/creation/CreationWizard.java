package fr.ameli.compte.web.creation;

import fr.ameli.compte.web.shared.CodeForm;
import fr.ameli.compte.web.shared.FlashData;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.web.security.SessionIds;
import fr.ameli.compte.web.shared.TimeLimits;
import fr.ameli.compte.application.creation.AccountRequest;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.application.creation.IdentityCheck;
import fr.ameli.compte.application.creation.IdentityClaim;
import fr.ameli.compte.application.creation.IdentityProof;
import fr.ameli.compte.application.creation.IdentityVerification;
import fr.ameli.compte.application.creation.PendingAccount;
import fr.ameli.compte.application.creation.ProofCheck;
import fr.ameli.compte.application.creation.ProvisionalCodes;
import fr.ameli.compte.application.creation.Registration;
import fr.ameli.compte.application.creation.RegistrationRefused;
import fr.ameli.compte.application.shared.StepTimed;
import jakarta.enterprise.context.Conversation;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.util.Optional;

/**
 * The account-creation wizard (PRODUCT §2.2–§2.7), {@code #{creation}} in the pages under
 * {@code creation/}, one conversation per browser tab. Its steps are the {@link WizardStep}s.
 *
 * <p>Why a conversation: the wizard spans several pages, « Retour » must find what was typed, and
 * two tabs must run two independent wizards; the session alone would mix them. The conversation
 * begins on the GET of the first page (so it is in the session before any POST, which keeps it
 * safe behind a load balancer) and ends when the account is created or the person cancels.
 *
 * <p>What the person typed lives in one form object per step, where they are in {@link WizardProgress};
 * the wizard asks the services to decide, and the registration checks it all again.
 */
@Named("creation")
@ConversationScoped
public class CreationWizard implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;

    @Inject
    Conversation conversation;
    @Inject
    IdentityVerification identityVerification;
    @Inject
    Registration registration;
    @Inject
    ProvisionalCodes provisionalCodes;
    @Inject
    Clock clock;
    @Inject
    PendingActivationProof pendingProof;
    @Inject
    FranceConnectHandOff franceConnect;
    @Inject
    PageMessages messages;
    @Inject
    FlashData flash;
    @Inject
    HttpServletRequest request;
    @Inject
    TimeLimits timeLimits;
    @Inject
    CodeForm codeForm;

    private final IdentityForm identityForm = new IdentityForm();
    private final ProofForm proofForm = new ProofForm();
    private final TermsForm termsForm = new TermsForm();
    private final ContactForm contactForm = new ContactForm();

    final WizardProgress progress = new WizardProgress();
    private IdentityCheck identityCheck;

    /**
     * {@link WizardStep#IDENTITY}, on GET: a new wizard for this tab. The session id changes here
     * (as at login), so that an id planted before the wizard cannot be used to read what is typed.
     * Back from FranceConnect without an account, what FranceConnect said is already typed.
     */
    public void begin() {
        if (conversation.isTransient()) {
            SessionIds.renew(request);
            startConversation();
            franceConnect.take().ifPresent(identity -> identityForm.prefill(identity, clock));
        }
    }

    /**
     * Every later step, on GET: its page opens only once the steps before it succeeded; otherwise
     * the person is sent to the step they have reached (or to the start, without a wizard).
     */
    public String enter(WizardStep step) {
        if (conversation.isTransient()) {
            return WizardStep.IDENTITY.redirect();
        }
        String elsewhere = progress.guard(step);
        boolean personGone = elsewhere == null && step == WizardStep.CODE && !codeForm.forPerson(identityVerification.personalData(progress.claim()));
        return personGone ? progress.restart() : elsewhere;
    }

    @StepTimed("identite")
    public String submitIdentity() {
        Optional<IdentityClaim> typed = identityForm.read(messages, clock);
        if (typed.isEmpty()) {
            return null;
        }
        identityCheck = identityVerification.identify(typed.get());
        switch (identityCheck) {
            case IDENTIFIED -> { return progress.identified(typed.get()); }
            case ACCOUNT_ACTIVE -> messages.errorKey(null, "identity.accountActive");
            case ACCOUNT_PENDING -> {
                // Identified: the owner may ask for a new mail (to the address given at creation).
                messages.errorKey(null, "identity.accountPending");
                pendingProof.proven(typed.get().nir(), clock.instant());
            }
            case TOO_MANY_ATTEMPTS -> messages.errorKey(null, "identity.tooManyAttempts");
            case NOT_IDENTIFIED -> messages.errorKey(null, "identity.notIdentified");
        }
        return null;
    }

    @StepTimed("verification")
    public String submitProof() {
        return onStep(WizardStep.VERIFICATION, () -> {
            Optional<IdentityProof> typed = proofForm.read(messages);
            if (typed.isEmpty()) {
                return null;
            }
            ProofCheck check = identityVerification.prove(progress.claim(), typed.get());
            if (check.locked()) {
                messages.errorFormat(null, "verification.locked", FrenchTime.when(check.lockedUntil()));
                return null;
            }
            if (!check.proven()) {
                messages.errorKey(null, "verification.notProven");
                return null;
            }
            return progress.proven(typed.get());
        });
    }

    /**
     * « Je ne dispose pas du numéro de série de ma carte Vitale »: a provisional code goes by post
     * to the register's address; the wizard ends here and continues after a login with that code.
     */
    public String requestLetter() {
        return onStep(WizardStep.VERIFICATION, () -> {
            Optional<ProvisionalCodes.LetterSent> sent = provisionalCodes.requestLetter(progress.claim());
            if (sent.isEmpty()) {
                messages.errorKey(null, "identity.notIdentified");
                return null;
            }
            if (!sent.get().sent()) {
                messages.errorFormat(null, "verification.letter.tooMany", FrenchTime.when(sent.get().tooManyUntil()));
                return null;
            }
            conversation.end();
            flash.letterSent(sent.get());
            return "/creation/courrier-envoye?faces-redirect=true";
        });
    }

    /**
     * After a login with a provisional code: the identity is proven by the code of id {@code codeId},
     * the wizard goes on at {@link WizardStep#TERMS}.
     */
    public String continueWithProvisionalCode(IdentityClaim provenClaim, long codeId) {
        if (conversation.isTransient()) {
            startConversation();
        }
        identityForm.show(provenClaim);
        return progress.provenByProvisionalCode(provenClaim, codeId);
    }

    @StepTimed("conditions")
    public String submitTerms() {
        return onStep(WizardStep.TERMS, () -> {
            if (!termsForm.answer(messages, clock.instant())) {
                return null;
            }
            return termsForm.isRefused() ? progress.stayAt(WizardStep.TERMS) : progress.advanceTo(WizardStep.CODE);
        });
    }

    /** « Revoir les conditions » after a refusal. */
    public String reviewTerms() {
        return onStep(WizardStep.TERMS, () -> {
            termsForm.review();
            return WizardStep.TERMS.redirect();
        });
    }

    /** « Annuler » / « Quitter »: the wizard and all it held are forgotten. */
    public String cancel() {
        if (!conversation.isTransient()) {
            conversation.end();
        }
        return "/index?faces-redirect=true";
    }

    @StepTimed("code-personnel")
    public String submitCode() {
        return onStep(WizardStep.CODE, () -> codeForm.read(messages).isPresent() ? progress.advanceTo(WizardStep.CONTACT) : null);
    }

    /** {@link WizardStep#CONTACT}'s « Continuer » creates the account and sends its activation mail. */
    @StepTimed("coordonnees")
    public String submitContact() {
        return onStep(WizardStep.CONTACT, () -> {
            Optional<ContactForm.Read> contact = contactForm.read(messages);
            if (contact.isEmpty()) {
                return null;
            }
            try {
                PendingAccount pending = registration.register(new AccountRequest(progress.claim(), progress.proof(),
                        progress.provisionalCodeId(), termsForm.acceptedAt(), codeForm.getCode(), codeForm.getConfirmation(),
                        contact.get().choices(), contact.get().emailConfirmation()));
                conversation.end();
                pendingProof.proven(progress.claim().nir(), clock.instant());
                flash.pendingAccount(pending);
                return "/creation/courriel-envoye?faces-redirect=true";
            } catch (RegistrationRefused refused) {
                return afterRefusal(refused.reason());
            }
        });
    }

    /** A refusal at the last step: a message at the field, or back to the step where it can be fixed. */
    String afterRefusal(RegistrationRefused.Reason reason) {
        switch (reason) {
            case ACCOUNT_EXISTS -> messages.errorKey(null, "contact.accountExists");
            case EMAIL_NOT_CONFIRMED -> contactForm.emailNotConfirmed(messages);
            case CODE_REJECTED, CODE_NOT_CONFIRMED -> { return progress.backTo(WizardStep.CODE); }
            case TERMS_NOT_ACCEPTED -> { return progress.backTo(WizardStep.TERMS); }
            // The register changed under the person's feet: start again from the identity.
            case NOT_IDENTIFIED, NOT_PROVEN -> { return progress.restart(); }
        }
        return null;
    }

    /** « Retour » on any step: the step before, with what was typed. */
    public String back(WizardStep step) {
        return step.redirect();
    }

    /**
     * The submit of {@code step}'s page runs only once the wizard reached that step; otherwise the
     * person is sent where they are. A form posted from an older page of this wizard (its view
     * is still valid) must not act on what a later step would have checked.
     */
    private String onStep(WizardStep step, java.util.function.Supplier<String> submit) {
        String elsewhere = progress.guard(step);
        return elsewhere != null ? elsewhere : submit.get();
    }

    private void startConversation() {
        conversation.begin();
        timeLimits.forWizard(conversation, request.getSession());
    }

    // ---- What the pages show
    public IdentityForm getIdentityForm() { return identityForm; }
    public ProofForm getProofForm() { return proofForm; }
    public TermsForm getTermsForm() { return termsForm; }
    public CodeForm getCodeForm() { return codeForm; }
    public ContactForm getContactForm() { return contactForm; }

    /** The NIR identified, shown read-only above {@link WizardStep#VERIFICATION}. */
    public String getNirDisplay() { return progress.claim() == null ? "" : progress.claim().nir().display(); }
    public boolean isAccountActive() { return identityCheck == IdentityCheck.ACCOUNT_ACTIVE; }
    public boolean isAccountPending() { return identityCheck == IdentityCheck.ACCOUNT_PENDING; }
    /** Where the person is: the furthest step they may open. */
    WizardStep reached() { return progress.reached(); }
}
