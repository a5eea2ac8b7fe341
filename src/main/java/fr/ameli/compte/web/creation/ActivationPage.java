package fr.ameli.compte.web.creation;

import fr.ameli.compte.web.shared.SingleUseLinks;
import fr.ameli.compte.application.creation.Activation;
import fr.ameli.compte.application.creation.ActivationOutcome;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The page the activation link opens ({@code activation.xhtml}, {@code #{activationPage}},
 * PRODUCT §2.8). Its GET (or a scanner's HEAD) only says what the link would do; the button
 * « Activer mon compte » posts the token back from a hidden field of a stateless form, so neither
 * the GET nor the POST needs a session, and the POST alone activates.
 */
@Named
@RequestScoped
public class ActivationPage {

    @Inject
    Activation activation;
    @Inject
    ExternalContext external;

    private ActivationOutcome outcome;

    /** « Activer mon compte ». */
    public String activate() {
        outcome = activation.activate(getToken());
        return null;
    }

    /**
     * What the link is worth, checked once per request without changing it: on GET what the page
     * shows; on POST it is what lets Faces find the button (rendered only for a usable link).
     */
    public ActivationOutcome getOutcome() {
        if (outcome == null) {
            outcome = activation.check(getToken());
        }
        return outcome;
    }

    /** The link's token: in its query on GET, in the form's hidden field on POST (both named {@link SingleUseLinks#TOKEN}). */
    public String getToken() {
        return SingleUseLinks.token(external);
    }
}
