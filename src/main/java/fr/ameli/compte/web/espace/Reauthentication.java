package fr.ameli.compte.web.espace;

import fr.ameli.compte.web.shared.FieldReader;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.web.security.SessionLoginMechanism;
import fr.ameli.compte.web.shared.Texts;
import fr.ameli.compte.application.connexion.AccountIdentityStore;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.application.connexion.LoginOutcome;
import fr.ameli.compte.application.shared.ServiceSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The code personnel asked again before a sensitive change of « Mon espace » (PRODUCT §2.11): every
 * time for the email address ({@link When#ALWAYS}: the address is the key to every recovery, and a
 * login may be minutes old on a shared computer left open); for the data download, when the login
 * is older than {@code ameli.space.reauthentication-after} (10 minutes, {@link When#AFTER_A_WHILE}).
 * (The code change and the closure ask for the current code in their own field.) One piece for every such page:
 *
 * <ul>
 *   <li>the page includes {@code WEB-INF/includes/code-actuel.xhtml} in its form (with the parameter
 *       {@code toujours} for {@link When#ALWAYS}): the field « Code personnel actuel » (id {@value #FIELD})
 *       shows when needed;</li>
 *   <li>its action calls {@link #typed} with the form's other fields, then {@link #confirmed}
 *       before it changes anything.</li>
 * </ul>
 * The code is checked as at login ({@link AccountIdentityStore#checkCodePersonnel}): a wrong one
 * counts as a failed login of this device and may lock it; a right one makes the login fresh
 * again ({@link SessionLoginMechanism#provenAgain}).
 */
@Named
@RequestScoped
public class Reauthentication {

    static final String FIELD = "codeActuel";

    @Inject
    AccountIdentityStore identityStore;
    @Inject
    LoginOutcome outcome;
    @Inject
    ServiceSettings settings;
    @Inject
    Clock clock;
    @Inject
    HttpServletRequest request;

    private String currentCode;

    /** When a page asks for the code personnel again. */
    public enum When {
        /** Every time (the email address). */
        ALWAYS,
        /** Once the login, or its last proof, is older than {@code ameli.space.reauthentication-after} (the data download). */
        AFTER_A_WHILE
    }

    /** Whether the code personnel must be typed again for a change of this kind. */
    boolean isNeeded(When when) {
        return when == When.ALWAYS || isNeeded();
    }

    /** Whether the code personnel must be typed again after a while: the login, or its last proof, is too old (or unknown). */
    public boolean isNeeded() {
        Optional<Instant> proven = SessionLoginMechanism.loggedIn(request.getSession(false)).map(SessionLoginMechanism.LoggedIn::provenAt);
        return proven.isEmpty() || !clock.instant().isBefore(proven.get().plus(settings.reauthenticationAfter()));
    }

    /**
     * Whether the field was filled in when needed; else a message: at the field when it was left
     * empty, at the top of the page when the page was shown without it (the login grew too old
     * meanwhile: the page now shows it).
     */
    boolean typed(PageMessages messages, String form, When when) {
        if (!isNeeded(when)) {
            return true;
        }
        if (currentCode == null) {
            if (when == When.ALWAYS) {
                messages.errorKey(null, "reauth.neededAlways");
            } else {
                messages.errorFormat(null, "reauth.needed", FrenchTime.duration(settings.reauthenticationAfter()));
            }
            return false;
        }
        return new FieldReader(messages, form).present(FIELD, currentCode, "reauth.required");
    }

    /** True when no proof is needed, or the code typed is right (the login is then fresh again); else a message at the field. */
    boolean confirmed(PageMessages messages, String form, When when) {
        if (!isNeeded(when)) {
            return true;
        }
        if (!typed(messages, form, when)) {
            return false;
        }
        String caller = SessionLoginMechanism.loggedIn(request.getSession(false)).orElseThrow().name();
        CredentialValidationResult checked = identityStore.checkCodePersonnel(new UsernamePasswordCredential(caller, new Password(currentCode)));
        currentCode = null;
        if (checked.getStatus() == CredentialValidationResult.Status.VALID) {
            SessionLoginMechanism.provenAgain(request.getSession(false), clock.instant());
            return true;
        }
        FieldReader fields = new FieldReader(messages, form);
        switch (outcome.refusal()) {
            case LOCKED -> fields.errorText(FIELD, Texts.format("reauth.locked", FrenchTime.when(outcome.lockedUntil())));
            case SLOWED -> fields.errorText(FIELD, Texts.format("login.slowed", FrenchTime.when(outcome.lockedUntil())));
            case WRONG_CREDENTIALS, PENDING_ACTIVATION -> fields.error(FIELD, "reauth.wrong");
        }
        return false;
    }

    /** « Par sécurité, votre connexion date de plus de 10 minutes … » under the field. */
    public String getHint() {
        return Texts.format("reauth.hint", FrenchTime.duration(settings.reauthenticationAfter()));
    }

    public String getCurrentCode() {
        return currentCode;
    }

    public void setCurrentCode(String currentCode) {
        this.currentCode = currentCode;
    }
}
