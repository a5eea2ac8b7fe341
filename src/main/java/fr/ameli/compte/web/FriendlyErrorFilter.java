package fr.ameli.compte.web;

import jakarta.enterprise.context.NonexistentConversationException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * No stack trace ever reaches a person. An expired wizard (its conversation or its view gone
 * after 20 minutes without activity, or a stale link) leads to a page that restarts it; any other
 * failure of ours to a friendly page showing an incident number, which is also in the log line.
 */
@WebFilter(urlPatterns = "/*")
public class FriendlyErrorFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(FriendlyErrorFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (isExpiry(e)) {
                if (!response.isCommitted()) {
                    response.reset();
                    response.sendRedirect(request.getContextPath() + "/session-expiree.xhtml");
                }
                return;
            }
            String id = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "Incident " + id + " on " + request.getMethod() + " " + request.getRequestURI(), e);
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            response.sendRedirect(request.getContextPath() + "/erreur.xhtml?incident=" + id);
        }
    }

    private static boolean isExpiry(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NonexistentConversationException || t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }
}
