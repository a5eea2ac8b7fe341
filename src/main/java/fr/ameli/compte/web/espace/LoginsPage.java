package fr.ameli.compte.web.espace;

import fr.ameli.compte.web.shared.Texts;
import fr.ameli.compte.application.shared.FrenchTime;
import fr.ameli.compte.application.connexion.LoginSessions;
import fr.ameli.compte.application.connexion.RememberedBrowsers;
import fr.ameli.compte.domain.account.LoginSession;
import fr.ameli.compte.domain.person.Nir;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;

import java.util.List;
import java.util.Optional;

/**
 * « Mes dernières connexions » (PRODUCT §2.11; {@code espace/connexions.xhtml},
 * {@code #{loginsPage}}): the 10 latest logins — when, how, which browser, whether the session is
 * still open (and which one is this) —, the browsers remembered for the account, and
 * « Me déconnecter de tous les appareils », which ends every session, this one too, on every
 * server, and forgets the remembered browsers.
 */
@Named
@RequestScoped
public class LoginsPage {

    /** One line of the table. */
    public record Line(String when, String how, String browser, String state) {
    }

    /** One remembered browser. */
    public record Remembered(String browser, String since, String until) {
    }

    @Inject
    LoggedInPerson person;
    @Inject
    LoginSessions loginSessions;
    @Inject
    RememberedBrowsers rememberedBrowsers;

    private List<Line> lines;

    public List<Line> getLogins() {
        if (lines == null) {
            Optional<Nir> nir = person.nir();
            Optional<String> key = person.sessionKey();
            LoginSessions.Listing listing = nir.map(n -> loginSessions.of(n, person.idleTimeout()))
                    .orElse(new LoginSessions.Listing(List.of(), List.of()));
            lines = listing.logins().stream().map(login -> new Line(FrenchTime.when(login.loggedInAt()),
                    Texts.text("logins.method." + login.method().name()), login.browser(),
                    state(login, listing.openNow().contains(login), key))).toList();
        }
        return lines;
    }

    private static String state(LoginSession login, boolean open, Optional<String> key) {
        if (key.isPresent() && LoginSessions.isThisSession(login, key.get())) {
            return Texts.text("logins.thisDevice");
        }
        return Texts.text(open ? "logins.open" : "logins.ended");
    }

    public List<Remembered> getRememberedBrowsers() {
        return person.nir().map(rememberedBrowsers::of).orElse(List.of()).stream()
                .map(b -> new Remembered(b.description(), FrenchTime.when(b.rememberedAt()), FrenchTime.when(b.expiresAt()))).toList();
    }

    /** « Me déconnecter de tous les appareils ». */
    public String logOutEverywhere() throws ServletException {
        person.nir().ifPresent(loginSessions::endEverywhere);
        person.logOut();
        return "/index?faces-redirect=true&deconnecte=partout";
    }
}
