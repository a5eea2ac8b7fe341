package fr.ameli.compte.web.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;

/**
 * The one way the application gives a browser a cookie: for the application's path only,
 * HttpOnly (no script reads it), Secure when the request came over HTTPS, and with a SameSite
 * attribute (a cross-site request does not carry it).
 */
public final class Cookies {

    public enum SameSite { LAX, STRICT }

    private Cookies() {
    }

    /** Adds the cookie; {@code maxAge} null for one that lasts as long as the browser is open. */
    public static void give(HttpServletRequest request, HttpServletResponse response, String name, String value,
                     Duration maxAge, SameSite sameSite) {
        Cookie cookie = new Cookie(name, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", sameSite == SameSite.STRICT ? "Strict" : "Lax");
        if (maxAge != null) {
            cookie.setMaxAge((int) Math.min(Integer.MAX_VALUE, maxAge.toSeconds()));
        }
        response.addCookie(cookie);
    }
}
