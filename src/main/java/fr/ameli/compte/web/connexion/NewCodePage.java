package fr.ameli.compte.web.connexion;

import fr.ameli.compte.web.shared.CodeForm;
import fr.ameli.compte.web.shared.PageMessages;
import fr.ameli.compte.web.shared.SingleUseLinks;
import fr.ameli.compte.application.connexion.CodeReset;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The page a « Code oublié ? » link opens ({@code nouveau-code.xhtml}, {@code #{newCodePage}}):
 * the link is checked, never spent, on GET (a mail scanner's visit changes nothing); the person
 * chooses the new code with the same form and live rules as the wizard ({@link CodeForm}), and
 * the POST sets it. A stateless view: the link's token comes back from a hidden field
 * ({@link SingleUseLinks}), so neither the GET nor the POST needs a session.
 */
@Named
@RequestScoped
public class NewCodePage {

    @Inject
    CodeReset codeReset;
    @Inject
    PageMessages messages;
    @Inject
    ExternalContext external;
    @Inject
    Clock clock;

    @Inject
    CodeForm codeForm;
    private CodeReset.Link link;
    private boolean changed;

    public String submit() {
        Optional<String> code = codeForm.read(messages);
        if (code.isEmpty()) {
            return null;
        }
        switch (codeReset.choose(getToken(), code.get(), codeForm.getConfirmation())) {
            case CHANGED -> {
                changed = true;
                codeForm.clear();
            }
            case CODE_REJECTED -> codeForm.rejected(messages);
            case CODE_NOT_CONFIRMED -> codeForm.notConfirmed(messages);
            case LINK_UNUSABLE -> link = null;
        }
        return null;
    }

    /**
     * « Prolonger » in the dialog before the link expires (one light Ajax request; js/delai.js, which
     * then reads the time really left from the hidden {@code restant}: a link at its longest life gets none).
     */
    public void prolong() {
        codeReset.prolong(getToken());
        link = null;
    }

    /** Until the link expires, in seconds (the page's time limit); null when it is not usable. */
    public Long getSecondsLeft() {
        if (changed || !link().valid()) {
            return null;
        }
        return Math.max(0, Duration.between(clock.instant(), link().expiresAt()).toSeconds());
    }

    /** The form, for the person whose link it is (the rule about the NIR and birth date needs them). */
    public CodeForm getCodeForm() {
        codeForm.forPerson(Optional.ofNullable(link().personalData()));
        return codeForm;
    }

    /** VALID, USED, EXPIRED, UNKNOWN, or CHANGED once this request set the code. */
    public String getState() {
        return changed ? "CHANGED" : link().state() == null ? "UNKNOWN" : link().state().name();
    }

    public String getToken() {
        return SingleUseLinks.token(external);
    }

    /** What the link is worth, checked once per request (again after a refused choice). */
    private CodeReset.Link link() {
        if (link == null) {
            link = codeReset.check(getToken());
        }
        return link;
    }
}
