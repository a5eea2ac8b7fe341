package fr.ameli.compte.web.espace;

import fr.ameli.compte.web.shared.Texts;
import fr.ameli.compte.application.espace.AccountOverview;
import fr.ameli.compte.application.espace.AccountQueries;
import fr.ameli.compte.application.connexion.LoginSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;

/**
 * « Mon espace » (PRODUCT §2.9, §2.11; {@code espace/index.xhtml}, {@code #{mySpacePage}}): the
 * logged-in person's greeting, email and preferences, the ways to change them; logout.
 */
@Named
@RequestScoped
public class MySpacePage {

    @Inject
    LoggedInPerson person;
    @Inject
    AccountQueries queries;
    @Inject
    LoginSessions loginSessions;

    private AccountOverview overview;

    public AccountOverview getOverview() {
        if (overview == null) {
            overview = person.nir().flatMap(queries::overview).orElse(null);
        }
        return overview;
    }

    public String yesNo(Boolean value) {
        return value == null ? "" : Texts.text(value ? "app.yes" : "app.no");
    }

    /** « Me déconnecter »: this session ends (its login row too, for « Mes dernières connexions »). */
    public String logout() throws ServletException {
        person.sessionKey().ifPresent(loginSessions::ended);
        person.logOut();
        return "/index?faces-redirect=true&deconnecte=true";
    }
}
