package fr.ameli.compte.web.http;

import fr.ameli.compte.application.shared.ServiceBusy;
import jakarta.enterprise.context.BusyConversationException;
import jakarta.enterprise.context.NonexistentConversationException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * No stack trace ever reaches a person. An expired wizard (its conversation or its view gone
 * after 20 minutes without activity: {@code CreationWizard}'s conversation timeout and
 * {@code web.xml}'s session timeout; or a stale link) leads to a page that restarts it; a wizard
 * already busy with the same click to a page that says so; the database out of reach to a 503
 * page that says to retry later; too many code hashes waiting ({@link ServiceBusy}) to the
 * « très demandé » 503 page; any other failure of ours to a friendly page showing an
 * incident number, which is also in the log line.
 */
@WebFilter(filterName = "friendlyErrors", urlPatterns = "/*")
public class FriendlyErrorFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(FriendlyErrorFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (causedBy(e, ServiceBusy.class)) {
                // Refused at once because too many code hashes wait (in all, or from this address): no incident.
                if (!response.isCommitted()) {
                    response.reset();
                    veryBusy(request, response, getServletContext());
                }
                return;
            }
            if (isBusy(e)) {
                if (!response.isCommitted()) {
                    response.reset();
                    SecurityHeadersFilter.apply(request, response);
                    response.sendRedirect(request.getContextPath() + "/demande-en-cours.xhtml");
                }
                return;
            }
            if (isExpiry(e)) {
                if (!response.isCommitted()) {
                    response.reset();
                    SecurityHeadersFilter.apply(request, response);
                    response.sendRedirect(request.getContextPath() + "/session-expiree.xhtml");
                }
                return;
            }
            String id = UUID.randomUUID().toString().substring(0, 8);
            boolean databaseDown = isDatabaseDown(e);
            LOG.log(Level.SEVERE, "Incident " + id + " on " + request.getMethod() + " " + request.getRequestURI()
                    + (databaseDown ? ": the database cannot be reached" : ""), e);
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            if (databaseDown) {
                unavailable(request, response, id, getServletContext());
                return;
            }
            SecurityHeadersFilter.apply(request, response);
            response.sendRedirect(request.getContextPath() + "/erreur.xhtml?incident=" + id);
        }
    }

    /**
     * The database down (or its pool exhausted), or the service overloaded: a 503 page that says
     * to retry later, written here without Faces or the database, with Retry-After for browsers
     * and load balancers.
     */
    static void unavailable(HttpServletRequest request, HttpServletResponse response, String id, ServletContext context)
            throws IOException {
        SecurityHeadersFilter.apply(request, response);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "120");
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(staticPage(context, "/WEB-INF/indisponible.html")
                .replace("CONTEXT", request.getContextPath())
                .replace("INCIDENT", id));
    }

    /** How long the « très demandé » page asks to wait before trying again (Retry-After, in seconds). */
    static final int BUSY_RETRY_SECONDS = 10;

    /**
     * The code hashes' queue full ({@link ServiceBusy}): a 503 page that says the service is much in
     * demand and to try again in a few moments, with Retry-After, written without Faces or the database.
     */
    static void veryBusy(HttpServletRequest request, HttpServletResponse response, ServletContext context) throws IOException {
        SecurityHeadersFilter.apply(request, response);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(BUSY_RETRY_SECONDS));
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write(staticPage(context, "/WEB-INF/tres-demande.html").replace("CONTEXT", request.getContextPath()));
    }

    /** The static pages, read once: under a flood the « très demandé » page is written hundreds of times a second. */
    private static final java.util.Map<String, String> STATIC_PAGES = new java.util.concurrent.ConcurrentHashMap<>();

    private static String staticPage(ServletContext context, String path) {
        return STATIC_PAGES.computeIfAbsent(path, p -> {
            try (var in = context.getResourceAsStream(p)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** A connection that failed (SQLState class 08) or could not be had from the pool. */
    static boolean isDatabaseDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getClass().getName().startsWith("jakarta.resource.") || t.getClass().getName().endsWith("PoolingException")) {
                return true;
            }
        }
        return false;
    }

    /** The same wizard asked twice at once (a double click): the first request goes on. */
    private static boolean isBusy(Throwable e) {
        return causedBy(e, BusyConversationException.class);
    }

    private static boolean isExpiry(Throwable e) {
        return causedBy(e, NonexistentConversationException.class) || causedBy(e, ViewExpiredException.class);
    }
}
