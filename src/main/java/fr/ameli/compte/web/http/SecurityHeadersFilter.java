package fr.ameli.compte.web.http;

import fr.ameli.compte.web.security.SessionLoginMechanism;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The security headers of every response. A strict Content-Security-Policy (no inline script,
 * no inline style, nothing from elsewhere, no framing), no MIME sniffing, no Referer (the
 * activation link carries a secret), and no caching of pages: on a shared town-hall computer the
 * back button must not show the previous person's data. Static resources stay cacheable. And
 * every cookie HttpOnly, SameSite and Secure over HTTPS, whatever the server's configuration
 * ({@link CookieCompletingResponse}), with HSTS — HTTPS as the client used it, also behind a
 * trusted proxy that ended TLS ({@link ProxiedRequest}, made here for every filter after this one).
 */
@WebFilter(filterName = "securityHeaders", urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

    @jakarta.inject.Inject
    fr.ameli.compte.application.shared.ServiceSettings settings;
    @jakarta.inject.Inject
    fr.ameli.compte.application.agent.AgentIdentityProvider agentProvider;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Override
    protected void doFilter(HttpServletRequest received, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // As the client made it, when a trusted proxy forwarded it: HTTPS or not, and from which address.
        HttpServletRequest request = ProxiedRequest.of(received, settings.trustedProxies());
        apply(request, response);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/agent/") && SessionLoginMechanism.agent(request.getSession(false)).isPresent()) {
            // « Me déconnecter » of the espace agent ends the provider's session too ({@link LoggedInAgent#logOut}).
            agentProvider.logoutOrigin().ifPresent(origin -> response.setHeader("Content-Security-Policy", policyWithFormsTo(origin)));
        }
        CookieCompletingResponse completing = new CookieCompletingResponse(response, request.isSecure());
        chain.doFilter(request, completing);
        completing.completeCookies();
    }

    /** The policy, letting forms lead (by a redirect) to that other origin too. */
    static String policyWithFormsTo(String origin) {
        return CONTENT_SECURITY_POLICY.replace("form-action 'self';", "form-action 'self' " + origin + ";");
    }

    /** Sets the headers; also called again after an error page reset the response. */
    static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
