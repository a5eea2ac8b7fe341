package fr.ameli.compte.web;

import fr.ameli.compte.application.AccountOverview;
import fr.ameli.compte.application.AccountQueries;
import fr.ameli.compte.domain.Nir;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;

/** « Mon espace » (PRODUCT §2.9; {@code espace/index.xhtml}, {@code #{mySpacePage}}): the logged-in person's greeting, email and preferences; logout. */
@Named
@RequestScoped
public class MySpacePage {

    @Inject
    SecurityContext securityContext;
    @Inject
    AccountQueries queries;
    @Inject
    ExternalContext external;

    private AccountOverview overview;

    public AccountOverview getOverview() {
        if (overview == null) {
            Principal caller = securityContext.getCallerPrincipal();
            overview = caller == null ? null : queries.overview(Nir.parse(caller.getName())).orElse(null);
        }
        return overview;
    }

    public String yesNo(Boolean value) {
        return value == null ? "" : Texts.text(value ? "app.yes" : "app.no");
    }

    public String logout() throws ServletException {
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/index?faces-redirect=true&deconnecte=true";
    }
}
