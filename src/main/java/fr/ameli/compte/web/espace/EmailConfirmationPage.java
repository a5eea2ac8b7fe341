package fr.ameli.compte.web.espace;

import fr.ameli.compte.web.shared.SingleUseLinks;
import fr.ameli.compte.application.espace.EmailChange;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The page the link to confirm a new email address opens ({@code confirmation-email.xhtml},
 * {@code #{emailConfirmationPage}}, PRODUCT §2.11 with the rules of §2.8). Its GET (or a scanner's
 * HEAD) only says what the link would do; « Confirmer ma nouvelle adresse » posts the token back
 * from a hidden field of a stateless form ({@link SingleUseLinks}), so neither request needs a
 * session (nor a login: the link may be opened on another device), and the POST alone changes the
 * address.
 */
@Named
@RequestScoped
public class EmailConfirmationPage {

    @Inject
    EmailChange emailChange;
    @Inject
    ExternalContext external;

    private EmailChange.Link link;

    /** « Confirmer ma nouvelle adresse ». */
    public String confirm() {
        link = new EmailChange.Link(emailChange.confirm(getToken()), null);
        return null;
    }

    /** READY, CONFIRMED, ALREADY_USED, EXPIRED or UNKNOWN, checked once per request without changing the link. */
    public String getOutcome() {
        return link().outcome().name();
    }

    /** The address the link would set, while it can be confirmed. */
    public String getNewEmail() {
        return link().newEmail() == null ? null : link().newEmail().value();
    }

    public String getToken() {
        return SingleUseLinks.token(external);
    }

    private EmailChange.Link link() {
        if (link == null) {
            link = emailChange.check(getToken());
        }
        return link;
    }
}
