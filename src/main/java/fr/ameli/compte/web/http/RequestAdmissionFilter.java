package fr.ameli.compte.web.http;

import fr.ameli.compte.application.shared.ClientOrigin;
import fr.ameli.compte.application.shared.RequestAdmission;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Each request waits for its {@link RequestAdmission turn} before the service works on it. One
 * that waited {@link #PATIENCE} (30 seconds) in vain (the service overloaded) gets the
 * « momentanément indisponible » page with Retry-After, and a warning goes to the log. A client
 * address that already has its share of requests here ({@code ameli.requests.per-address}) gets
 * the « très demandé » page at once (503, Retry-After), before any page is made. Runs after the
 * client's address is known and its form read (web.xml).
 */
@WebFilter(filterName = "requestAdmission", urlPatterns = "/*")
public class RequestAdmissionFilter extends HttpFilter {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(RequestAdmissionFilter.class.getName());

    @Inject
    RequestAdmission admission;
    @Inject
    ClientOrigin origin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String address = origin.address();
        if (!admission.arrive(address)) {
            FriendlyErrorFilter.veryBusy(request, response, getServletContext());
            return;
        }
        try {
            admitted(request, response, chain);
        } finally {
            admission.depart(address);
        }
    }

    private void admitted(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean admitted;
        try {
            admitted = admission.enter(PATIENCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!admitted) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            LOG.warning("Incident " + id + " on " + request.getMethod() + " " + request.getRequestURI()
                    + ": no turn within " + PATIENCE.toSeconds() + " s, the service is overloaded (ameli.requests.at-once-per-core)");
            FriendlyErrorFilter.unavailable(request, response, id, getServletContext());
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            admission.leave();
        }
    }
}
