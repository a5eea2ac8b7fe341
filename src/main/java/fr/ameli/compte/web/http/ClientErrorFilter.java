package fr.ameli.compte.web.http;

import fr.ameli.compte.application.shared.ClientOrigin;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Client errors answered as client errors (docs/SECURITY.md « Client errors »), before the
 * pages see the request: a method the service does not answer gets 405 with {@code Allow}, OPTIONS
 * the list of methods; a query or a form that does not decode gets 400; a form body over
 * {@link #MAX_FORM_BYTES} gets 413 without being read further; a GET or HEAD that carries a ViewState
 * gets 400 (only a POST acts: Faces would otherwise run a button of the page); a multipart body to
 * any page but the register's upload gets 415, unread. Forms are read here and handed on
 * as a {@link FormRequest}. A failure of the server that is the client's doing ({@link ClientFault#of})
 * gets its status too. Each gets its French page and at most one warning line a minute for its
 * address ({@link ClientFaultLog}) — never an incident, which {@link FriendlyErrorFilter} keeps
 * for our own faults.
 */
@WebFilter(filterName = "clientErrors", urlPatterns = "/*")
public class ClientErrorFilter extends HttpFilter {

    /** The largest form body read: Payara's own default limit (max-post-size-bytes), far above any form of the service. */
    static final int MAX_FORM_BYTES = 2 * 1024 * 1024;
    /**
     * How long a form body may take to arrive, all of it: a few kilobytes take well under a second on
     * the slowest mobile line. This filter runs before the request takes its turn of the service
     * (web.xml), so a body trickled a byte at a time holds one request thread for this long at most,
     * and no turn at all; the server's own read timeout (payara-config) ends a body that stops.
     */
    static final java.time.Duration FORM_READ_DEADLINE = java.time.Duration.ofSeconds(10);
    private static final String VIEW_STATE = "jakarta.faces.ViewState";

    private final ClientFaultLog log = new ClientFaultLog(Clock.systemUTC());

    @Inject
    ClientOrigin origin;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) {
            response.setHeader("Allow", ClientFault.ALLOWED_METHODS);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (!ClientFault.allowedMethod(method)) {
            answer(request, response, ClientFault.METHOD_NOT_ALLOWED, "method not allowed");
            return;
        }
        if (!ClientFault.wellEncoded(request.getQueryString())) {
            answer(request, response, ClientFault.MALFORMED, "the query does not decode as UTF-8");
            return;
        }
        if (!"POST".equals(method) && ClientFault.carriesViewState(request.getQueryString(), VIEW_STATE)) {
            answer(request, response, ClientFault.ACTION_BY_GET, "a " + method + " that carries a ViewState");
            return;
        }
        if (isMultipart(request) && !ClientFault.UPLOAD_PAGE.equals(request.getServletPath())) {
            answer(request, response, ClientFault.MULTIPART_ELSEWHERE, "a multipart body to " + request.getServletPath());
            return;
        }
        HttpServletRequest next = request;
        if (isForm(request)) {
            if (request.getContentLengthLong() > MAX_FORM_BYTES) {
                answer(request, response, ClientFault.TOO_LARGE, "a form of " + request.getContentLengthLong() + " bytes");
                return;
            }
            byte[] body;
            try {
                body = readAtMost(request.getInputStream(), MAX_FORM_BYTES, System.nanoTime() + FORM_READ_DEADLINE.toNanos());
            } catch (TooSlow e) {
                answer(request, response, ClientFault.TOO_SLOW, "a form body still incomplete after " + FORM_READ_DEADLINE.toSeconds() + " s");
                return;
            } catch (IOException stopped) {
                // The body stopped arriving (the server's read timeout) or the client went away.
                answer(request, response, ClientFault.TOO_SLOW, "a form body that stopped arriving (" + stopped + ")");
                return;
            }
            if (body == null) {
                answer(request, response, ClientFault.TOO_LARGE, "a form of more than " + MAX_FORM_BYTES + " bytes");
                return;
            }
            try {
                next = FormRequest.parsed(request, body);
            } catch (FormRequest.TooManyParameters e) {
                answer(request, response, ClientFault.TOO_LARGE, "a form with " + e.getMessage());
                return;
            } catch (IllegalArgumentException e) {
                answer(request, response, ClientFault.MALFORMED, "the form does not decode as UTF-8 (" + e.getMessage() + ")");
                return;
            }
        }
        try {
            chain.doFilter(next, response);
        } catch (IOException | ServletException | RuntimeException e) {
            Optional<ClientFault> fault = ClientFault.of(e, next.getParameter(VIEW_STATE) != null);
            if (fault.isEmpty() || response.isCommitted()) {
                throw e;
            }
            response.reset();
            SecurityHeadersFilter.apply(request, response);
            answer(request, response, fault.get(), String.valueOf(e.getMessage()));
        }
    }

    /** The status, the page of the fault (rendered as a plain GET, so that nothing reads the body), one log line at most. */
    private void answer(HttpServletRequest request, HttpServletResponse response, ClientFault fault, String detail)
            throws IOException, ServletException {
        log.write(origin.address() == null ? request.getRemoteAddr() : origin.address(), fault,
                request.getMethod(), request.getRequestURI(), detail);
        response.setStatus(fault.status);
        if (fault == ClientFault.METHOD_NOT_ALLOWED) {
            response.setHeader("Allow", ClientFault.ALLOWED_METHODS);
        }
        if (fault == ClientFault.TOO_LARGE || fault == ClientFault.MULTIPART_ELSEWHERE || fault == ClientFault.TOO_SLOW) {
            // The rest of the body is not read: the connection cannot carry another request.
            response.setHeader("Connection", "close");
        }
        request.getRequestDispatcher(fault.page).forward(FormRequest.asPlainGet(request), response);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /**
     * The whole body, or null when it is longer than {@code limit} (a chunked body says no length
     * beforehand); {@link TooSlow} when it is still not all there at {@code deadline} ({@link System#nanoTime}).
     */
    static byte[] readAtMost(InputStream in, int limit, long deadline) throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer, 0, Math.min(buffer.length, limit + 1 - body.size()))) > 0; ) {
            body.write(buffer, 0, n);
            if (body.size() > limit) {
                return null;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TooSlow();
            }
        }
        return body.toByteArray();
    }

    /** A form body that took longer than {@link #FORM_READ_DEADLINE}. */
    static final class TooSlow extends IOException {
        TooSlow() {
            super("form body too slow", null);
        }
    }
}
