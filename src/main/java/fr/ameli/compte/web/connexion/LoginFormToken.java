package fr.ameli.compte.web.connexion;

import fr.ameli.compte.web.http.Cookies;
import jakarta.inject.Inject;
import fr.ameli.compte.application.security.SecretTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * ({@code #{jetonConnexion}} in {@code index.xhtml}) What stands for the ViewState against forged logins, now that the login page keeps no state on
 * the server (a stateless view: an anonymous visit creates no HTTP session). A random token is
 * both in a cookie ({@code SameSite=Lax}, HttpOnly: a cross-site POST does not carry it) and in a
 * hidden field of the form; a login is processed only when the two agree ("double submit").
 * The server stores nothing.
 */
@Named("jetonConnexion")
@RequestScoped
public class LoginFormToken {

    static final String COOKIE = "ameli-connexion";
    static final String FIELD = "jeton";

    @Inject
    ExternalContext external;
    @Inject
    jakarta.faces.context.FacesContext faces;

    private String value;

    /** The token of this browser, given in a new cookie if it has none yet. */
    public String getValue() {
        if (value == null) {
            HttpServletRequest request = (HttpServletRequest) external.getRequest();
            value = fromCookie(request);
            if (value == null) {
                value = SecretTokens.newToken();
                Cookies.give(request, (HttpServletResponse) external.getResponse(), COOKIE, value, null, Cookies.SameSite.LAX);
            }
        }
        return value;
    }

    public String getField() {
        return FIELD;
    }

    /**
     * Whether an action of the page being posted may run: a page that keeps its state is guarded by
     * its ViewState (kept on the server); a stateless one — the login page — by this token. Every
     * action a stateless page offers asks this first (a button shared by both kinds of page too).
     */
    public boolean allowsAction() {
        return !faces.getViewRoot().isTransient() || submittedWithTheCookie();
    }

    /** Whether the submitted form carries the same token as the browser's cookie. */
    boolean submittedWithTheCookie() {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String fromCookie = fromCookie(request);
        String fromForm = request.getParameter(FIELD);
        return fromCookie != null && fromForm != null && MessageDigest.isEqual(
                fromCookie.getBytes(StandardCharsets.US_ASCII), fromForm.getBytes(StandardCharsets.US_ASCII));
    }

    private static String fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (COOKIE.equals(c.getName()) && SecretTokens.looksLikeToken(c.getValue())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
