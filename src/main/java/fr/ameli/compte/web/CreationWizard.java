package fr.ameli.compte.web;

import fr.ameli.compte.application.AccountRequest;
import fr.ameli.compte.application.FranceConnectIdentity;
import fr.ameli.compte.application.IdentityCheck;
import fr.ameli.compte.application.IdentityClaim;
import fr.ameli.compte.application.IdentityProof;
import fr.ameli.compte.application.IdentityVerification;
import fr.ameli.compte.application.PendingAccount;
import fr.ameli.compte.application.ProofCheck;
import fr.ameli.compte.application.ProvisionalCodes;
import fr.ameli.compte.application.Registration;
import fr.ameli.compte.application.RegistrationRefused;
import fr.ameli.compte.domain.BirthDate;
import fr.ameli.compte.domain.CodePolicy;
import fr.ameli.compte.domain.CodeStrength;
import fr.ameli.compte.domain.ContactChoices;
import fr.ameli.compte.domain.EmailAddress;
import fr.ameli.compte.domain.IbanTail;
import fr.ameli.compte.domain.InvalidValueException;
import fr.ameli.compte.domain.Nir;
import fr.ameli.compte.domain.PersonName;
import fr.ameli.compte.domain.PersonalData;
import fr.ameli.compte.domain.PhoneNumber;
import fr.ameli.compte.domain.PostalCode;
import fr.ameli.compte.domain.RuleCheck;
import fr.ameli.compte.domain.VitaleSerialTail;
import fr.ameli.compte.infrastructure.health.ServiceMetrics;
import jakarta.enterprise.context.Conversation;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The account-creation wizard (SPEC §2.2–§2.7), one conversation per browser tab.
 *
 * <p>Why a conversation: the wizard spans six pages, « Retour » must find what was typed, and two
 * tabs must run two independent wizards; the session alone would mix them. The conversation
 * begins on the GET of the first page (so it is in the session before any POST, which keeps it
 * safe behind a load balancer) and ends when the account is created or the person cancels.
 *
 * <p>The bean only holds what the person typed and how far they got; every decision is the
 * services' (identity, proof, code rules, registration), and the registration checks it all again.
 */
@Named("creation")
@ConversationScoped
public class CreationWizard implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    private static final CodePolicy CODE_POLICY = new CodePolicy();
    private static final long TIMEOUT_MS = 20 * 60 * 1000L;
    static final String YES = "oui";
    static final String NO = "non";

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
    ServiceMetrics metrics;

    private WizardStep reached = WizardStep.IDENTITY;
    private boolean fromFranceConnect;

    // Step 1, as typed
    private String name;
    private String nir;
    private String birthDate;
    private String postalCode;
    private IdentityClaim claim;
    private IdentityCheck identityCheck;
    // Step 2
    private String ibanTail;
    private String vitaleTail;
    private IdentityProof proof;
    // Terms
    private String termsChoice;
    private boolean termsRefused;
    private Instant termsAcceptedAt;
    // Code
    private String code;
    private String codeConfirmation;
    // Contact
    private String email;
    private String emailConfirmation;
    private String emailPromotions;
    private String mobile;
    private String mobileCalls;
    private String mobileSms;
    private String landline;
    private String landlineCalls;

    /**
     * First page, on GET: a new wizard for this tab. The session id changes here (as at login), so
     * that an id planted before the wizard cannot be used to read what the person types.
     */
    public void begin() {
        if (conversation.isTransient()) {
            HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            conversation.begin();
            conversation.setTimeout(TIMEOUT_MS);
            prefillFromFranceConnect(request);
        }
    }

    /** Back from FranceConnect without an account here: what FranceConnect said is already typed. */
    private void prefillFromFranceConnect(HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        Object identity = session == null ? null : session.getAttribute(FranceConnectServlet.IDENTITY);
        if (identity instanceof FranceConnectIdentity fc) {
            session.removeAttribute(FranceConnectServlet.IDENTITY);
            name = fc.familyName();
            birthDate = fc.birthDate() == null ? null : BirthDate.of(fc.birthDate(), clock).format();
            fromFranceConnect = true;
        }
    }

    /** Whether step 1 was prefilled by FranceConnect (the page says so). */
    public boolean isFromFranceConnect() {
        return fromFranceConnect;
    }

    /**
     * Every later page, on GET: a page opens only once the steps before it succeeded; otherwise
     * the person is sent to the step they have reached (or to the start, without a wizard).
     */
    public String enter(String stepName) {
        if (conversation.isTransient()) {
            return WizardStep.IDENTITY.redirect();
        }
        WizardStep step = WizardStep.valueOf(stepName);
        return step.compareTo(reached) > 0 ? reached.redirect() : null;
    }

    // ---- Step 1: identity

    public String submitIdentity() {
        return metrics.timeStep("identite", this::submitIdentityTimed);
    }

    private String submitIdentityTimed() {
        PersonName n = parse("identite:nom", name, PersonName::new);
        Nir r = parse("identite:nir", nir, Nir::parse);
        BirthDate b = parse("identite:naissance", birthDate, typed -> BirthDate.parse(typed.strip(), clock));
        PostalCode p = parse("identite:codePostal", postalCode, PostalCode::new);
        if (n == null || r == null || b == null || p == null) {
            return null;
        }
        IdentityClaim typed = new IdentityClaim(r, n, b, p);
        identityCheck = identityVerification.identify(typed);
        switch (identityCheck) {
            case IDENTIFIED -> {
                if (!typed.equals(claim)) {
                    // Another person, or corrected data: what was proven for the old claim no longer counts.
                    claim = typed;
                    proof = null;
                    reached = WizardStep.VERIFICATION;
                }
                return WizardStep.VERIFICATION.redirect();
            }
            case ACCOUNT_ACTIVE -> Messages.errorKey(null, "identity.accountActive");
            case ACCOUNT_PENDING -> {
                // Identified: the owner may ask for a new mail (to the address given at creation).
                Messages.errorKey(null, "identity.accountPending");
                pendingProof.proven(typed.nir().digits13(), clock.instant());
            }
            case TOO_MANY_ATTEMPTS -> Messages.errorKey(null, "identity.tooManyAttempts");
            default -> Messages.errorKey(null, "identity.notIdentified");
        }
        return null;
    }

    // ---- Step 2: proof

    public String submitProof() {
        return metrics.timeStep("verification", this::submitProofTimed);
    }

    private String submitProofTimed() {
        IbanTail i = parse("verification:iban", ibanTail, IbanTail::new);
        VitaleSerialTail v = parse("verification:vitale", vitaleTail, VitaleSerialTail::new);
        if (i == null || v == null) {
            return null;
        }
        IdentityProof typed = new IdentityProof(i, v);
        ProofCheck check = identityVerification.prove(claim, typed);
        if (check.locked()) {
            Messages.error(null, Messages.format("verification.locked", Messages.when(check.lockedUntil())));
            return null;
        }
        if (!check.proven()) {
            Messages.errorKey(null, "verification.notProven");
            return null;
        }
        proof = typed;
        reached = later(WizardStep.TERMS);
        return WizardStep.TERMS.redirect();
    }

    /**
     * « Je ne dispose pas du numéro de série de ma carte Vitale »: a provisional code goes by post
     * to the register's address; the wizard ends here and continues after a login with that code.
     */
    public String requestLetter() {
        Optional<ProvisionalCodes.LetterSent> sent = provisionalCodes.requestLetter(claim);
        if (sent.isEmpty()) {
            Messages.errorKey(null, "identity.notIdentified");
            return null;
        }
        conversation.end();
        FacesContext.getCurrentInstance().getExternalContext().getFlash().put("letterSent", sent.get());
        return "/creation/courrier-envoye?faces-redirect=true";
    }

    /** After a login with a provisional code: the identity is proven, the wizard goes on at the terms. */
    public String continueWithProvisionalCode(IdentityClaim provenClaim) {
        if (conversation.isTransient()) {
            conversation.begin();
            conversation.setTimeout(TIMEOUT_MS);
        }
        claim = provenClaim;
        proof = null;
        name = provenClaim.name().value();
        nir = provenClaim.nir().display();
        birthDate = provenClaim.birthDate().format();
        postalCode = provenClaim.postalCode().value();
        reached = WizardStep.TERMS;
        return WizardStep.TERMS.redirect();
    }

    public String backToIdentity() {
        return WizardStep.IDENTITY.redirect();
    }

    // ---- Terms

    public String submitTerms() {
        return metrics.timeStep("conditions", this::submitTermsTimed);
    }

    private String submitTermsTimed() {
        if (YES.equals(termsChoice)) {
            termsRefused = false;
            termsAcceptedAt = clock.instant();
            reached = later(WizardStep.CODE);
            return WizardStep.CODE.redirect();
        }
        if (NO.equals(termsChoice)) {
            termsRefused = true;
            termsAcceptedAt = null;
            reached = WizardStep.TERMS;
            return null;
        }
        Messages.errorKey("conditions:choix", "terms.choiceRequired");
        return null;
    }

    public String reviewTerms() {
        termsRefused = false;
        termsChoice = null;
        return WizardStep.TERMS.redirect();
    }

    /** « Annuler » / « Quitter »: the wizard and all it held are forgotten. */
    public String cancel() {
        if (!conversation.isTransient()) {
            conversation.end();
        }
        return "/index?faces-redirect=true";
    }

    // ---- Code personnel

    public List<RuleCheck> getRuleChecks() {
        return CODE_POLICY.evaluate(code == null ? "" : code, personalData());
    }

    public String getStrength() {
        CodeStrength strength = CODE_POLICY.strength(code == null ? "" : code, personalData());
        return strength.label();
    }

    private PersonalData personalData() {
        return claim == null ? null : new PersonalData(claim.nir(), claim.birthDate().value());
    }

    public String submitCode() {
        return metrics.timeStep("code-personnel", this::submitCodeTimed);
    }

    private String submitCodeTimed() {
        if (code == null || code.isEmpty()) {
            Messages.errorKey("codePersonnel:code", "wizard.required");
        } else if (!CODE_POLICY.isSatisfied(code, personalData())) {
            StringBuilder why = new StringBuilder(Messages.text("code.rejected"));
            getRuleChecks().stream().filter(c -> !c.satisfied()).forEach(c -> why.append(" Règle non respectée : ")
                    .append(c.rule().label()).append(c.detail().isEmpty() ? "." : " (" + c.detail() + ")."));
            Messages.error("codePersonnel:code", why.toString());
        }
        if (codeConfirmation == null || codeConfirmation.isEmpty()) {
            Messages.errorKey("codePersonnel:confirmation", "wizard.required");
        } else if (code != null && !code.isEmpty() && !CODE_POLICY.confirms(code, codeConfirmation)) {
            Messages.errorKey("codePersonnel:confirmation", "code.notConfirmed");
        }
        if (Messages.hasErrors()) {
            return null;
        }
        reached = later(WizardStep.CONTACT);
        return WizardStep.CONTACT.redirect();
    }

    public String backToTerms() {
        return WizardStep.TERMS.redirect();
    }

    // ---- Contact, then the account

    public String submitContact() {
        return metrics.timeStep("coordonnees", this::submitContactTimed);
    }

    private String submitContactTimed() {
        EmailAddress e = parse("coordonnees:email", email, EmailAddress::new);
        EmailAddress c = parse("coordonnees:emailConfirmation", emailConfirmation, EmailAddress::new);
        if (e != null && c != null && !e.equals(c)) {
            Messages.errorKey("coordonnees:emailConfirmation", "contact.emailNotConfirmed");
        }
        Boolean promotions = choice("coordonnees:promotions", emailPromotions, true);
        PhoneNumber m = optional("coordonnees:mobile", mobile, PhoneNumber::mobile);
        Boolean mCalls = choice("coordonnees:mobileAppels", mobileCalls, m != null);
        Boolean mSms = choice("coordonnees:mobileSms", mobileSms, m != null);
        PhoneNumber l = optional("coordonnees:fixe", landline, PhoneNumber::landline);
        Boolean lCalls = choice("coordonnees:fixeAppels", landlineCalls, l != null);
        if (Messages.hasErrors()) {
            return null;
        }
        ContactChoices contact = new ContactChoices(e, promotions, m, m == null ? null : mCalls, m == null ? null : mSms,
                l, l == null ? null : lCalls);
        try {
            PendingAccount pending = registration.register(
                    new AccountRequest(claim, proof, termsAcceptedAt, code, codeConfirmation, contact, c));
            conversation.end();
            pendingProof.proven(claim.nir().digits13(), clock.instant());
            FacesContext.getCurrentInstance().getExternalContext().getFlash().put("pendingAccount", pending);
            return "/creation/courriel-envoye?faces-redirect=true";
        } catch (RegistrationRefused refused) {
            return handle(refused.reason());
        }
    }

    /** A refusal at the last step sends the person back where the problem can be fixed. */
    private String handle(RegistrationRefused.Reason reason) {
        switch (reason) {
            case ACCOUNT_EXISTS -> Messages.errorKey(null, "contact.accountExists");
            case EMAIL_NOT_CONFIRMED -> Messages.errorKey("coordonnees:emailConfirmation", "contact.emailNotConfirmed");
            case CODE_REJECTED, CODE_NOT_CONFIRMED -> {
                reached = WizardStep.CODE;
                return WizardStep.CODE.redirect();
            }
            case TERMS_NOT_ACCEPTED -> {
                reached = WizardStep.TERMS;
                return WizardStep.TERMS.redirect();
            }
            default -> {
                // The register changed under the person's feet: start again from the identity step.
                reached = WizardStep.IDENTITY;
                claim = null;
                proof = null;
                return WizardStep.IDENTITY.redirect();
            }
        }
        return null;
    }

    public String backToCode() {
        return WizardStep.CODE.redirect();
    }

    // ---- Helpers

    private WizardStep later(WizardStep step) {
        return step.compareTo(reached) > 0 ? step : reached;
    }

    /** A mandatory field: parsed into its value object, or a French message at the field. */
    private static <T> T parse(String clientId, String typed, Function<String, T> parser) {
        if (typed == null || typed.isBlank()) {
            Messages.errorKey(clientId, "wizard.required");
            return null;
        }
        try {
            return parser.apply(typed);
        } catch (InvalidValueException e) {
            Messages.error(clientId, e.getMessage());
            return null;
        }
    }

    /** An optional field: null when left empty. */
    private static <T> T optional(String clientId, String typed, Function<String, T> parser) {
        return typed == null || typed.isBlank() ? null : parse(clientId, typed, parser);
    }

    /** A Oui/Non question, mandatory when {@code required}. */
    private static Boolean choice(String clientId, String value, boolean required) {
        if (YES.equals(value)) {
            return true;
        }
        if (NO.equals(value)) {
            return false;
        }
        if (required) {
            Messages.errorKey(clientId, "contact.choiceRequired");
        }
        return null;
    }

    // ---- What the pages show

    /** The step-1 data, shown read-only above step 2. */
    public String getNirDisplay() {
        return claim == null ? "" : claim.nir().display();
    }

    public boolean isTermsRefused() {
        return termsRefused;
    }

    public boolean isAccountActive() {
        return identityCheck == IdentityCheck.ACCOUNT_ACTIVE;
    }

    public boolean isAccountPending() {
        return identityCheck == IdentityCheck.ACCOUNT_PENDING;
    }

    // ---- Getters and setters for the fields

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNir() { return nir; }
    public void setNir(String nir) { this.nir = nir; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String birthDate) { this.birthDate = birthDate; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
    public String getIbanTail() { return ibanTail; }
    public void setIbanTail(String ibanTail) { this.ibanTail = ibanTail; }
    public String getVitaleTail() { return vitaleTail; }
    public void setVitaleTail(String vitaleTail) { this.vitaleTail = vitaleTail; }
    public String getTermsChoice() { return termsChoice; }
    public void setTermsChoice(String termsChoice) { this.termsChoice = termsChoice; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getCodeConfirmation() { return codeConfirmation; }
    public void setCodeConfirmation(String codeConfirmation) { this.codeConfirmation = codeConfirmation; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getEmailConfirmation() { return emailConfirmation; }
    public void setEmailConfirmation(String emailConfirmation) { this.emailConfirmation = emailConfirmation; }
    public String getEmailPromotions() { return emailPromotions; }
    public void setEmailPromotions(String emailPromotions) { this.emailPromotions = emailPromotions; }
    public String getMobile() { return mobile; }
    public void setMobile(String mobile) { this.mobile = mobile; }
    public String getMobileCalls() { return mobileCalls; }
    public void setMobileCalls(String mobileCalls) { this.mobileCalls = mobileCalls; }
    public String getMobileSms() { return mobileSms; }
    public void setMobileSms(String mobileSms) { this.mobileSms = mobileSms; }
    public String getLandline() { return landline; }
    public void setLandline(String landline) { this.landline = landline; }
    public String getLandlineCalls() { return landlineCalls; }
    public void setLandlineCalls(String landlineCalls) { this.landlineCalls = landlineCalls; }
}
