package fr.ameli.compte.web.http;

import fr.ameli.compte.application.shared.ClientOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells the services where the request comes from: the client's address as {@link ProxiedRequest}
 * gives it (the peer's, or what a trusted reverse proxy forwarded). Also hands over the User-Agent
 * and the remembered-browser cookies, for {@code RememberedBrowsers}.
 */
@WebFilter(filterName = "clientOrigin", urlPatterns = "/*")
public class ClientOriginFilter extends HttpFilter {

    @Inject
    ClientOrigin origin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        origin.setAddress(request.getRemoteAddr());
        origin.setUserAgent(request.getHeader("User-Agent"));
        origin.setBrowserCookies(browserCookies(request.getCookies()));
        chain.doFilter(request, response);
    }

    /** The remembered-browser cookies, by name (a few at most: one per account remembered in this browser). */
    static Map<String, String> browserCookies(Cookie[] cookies) {
        Map<String, String> found = new HashMap<>();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().startsWith(ClientOrigin.BROWSER_COOKIE_PREFIX) && cookie.getValue() != null && found.size() < 10) {
                    found.put(cookie.getName(), cookie.getValue());
                }
            }
        }
        return found;
    }
}
