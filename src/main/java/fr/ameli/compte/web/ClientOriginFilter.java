package fr.ameli.compte.web;

import fr.ameli.compte.application.ClientOrigin;
import fr.ameli.compte.application.ServiceSettings;
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
import java.util.List;
import java.util.Map;

/**
 * Tells the services where the request comes from: the peer's address, or, when the peer is one
 * of the configured reverse proxies ({@code ameli.trusted-proxies}), the last address it added to
 * X-Forwarded-For. A client cannot choose its address by sending that header itself. Also hands
 * over the User-Agent and the remembered-browser cookies, for {@code RememberedBrowsers}.
 */
@WebFilter(filterName = "clientOrigin", urlPatterns = "/*")
public class ClientOriginFilter extends HttpFilter {

    @Inject
    ClientOrigin origin;
    @Inject
    ServiceSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        origin.setAddress(clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), settings.trustedProxies()));
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

    /**
     * The client's address: the peer's, unless the peer is a trusted proxy that added one to
     * X-Forwarded-For (the last entry; the ones before it were sent by whoever called the proxy).
     * A blank last entry, or one too long to be an address (45 characters: IPv6 with an IPv4 tail),
     * leaves the peer's.
     */
    static String clientAddress(String peer, String forwardedFor, List<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String last = hops.length == 0 ? "" : hops[hops.length - 1].strip();
        return last.isEmpty() || last.length() > 45 ? peer : last;
    }
}
