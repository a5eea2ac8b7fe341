package fr.ameli.compte.web.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Collection;
import java.util.List;

/**
 * The response as {@link SecurityHeadersFilter} hands it on: before anything can commit it (the
 * first bytes of the page, a flush, a redirect, an error, the end of the request) its
 * {@code Set-Cookie} headers are {@link CookieAttributes#complete completed} — those the server
 * writes itself (the session cookie, when a session starts or changes its id) included, which no
 * call on the wrapper would show. Payara's {@code JSESSIONIDVERSION} (a session's version for
 * replication, no secret) is added by the server at the commit itself, out of the application's
 * reach (docs/SECURITY.md, known limits).
 */
final class CookieCompletingResponse extends HttpServletResponseWrapper {

    private static final String SET_COOKIE = "Set-Cookie";

    private final boolean secure;
    private ServletOutputStream stream;
    private PrintWriter writer;

    CookieCompletingResponse(HttpServletResponse response, boolean secure) {
        super(response);
        this.secure = secure;
    }

    /**
     * Whether the cookies may have changed since they were last completed. A page's many small
     * writes each look, but only a cookie or header set through this response, or one more
     * {@code Set-Cookie} header (the server's own session cookie, added when a session starts
     * mid-page), makes them complete the cookies again: one completion per page, not one per write
     * (the login page cost 0.6 ms more of processor time before, docs/BENCHMARKS.md).
     */
    private boolean changed = true;
    private int completedCount = -1;

    /** Completes the cookies while the headers can still change. */
    void completeCookies() {
        completeCookies(true);
    }

    private void completeCookies(boolean always) {
        if (isCommitted()) {
            return;
        }
        Collection<String> sent = getHeaders(SET_COOKIE);
        if (!always && !changed && sent.size() == completedCount) {
            return; // nothing set since the last look: the page's next bytes, most of the time
        }
        changed = false;
        completedCount = sent.size();
        if (sent.isEmpty()) {
            return;
        }
        List<String> before = List.copyOf(sent);
        List<String> completed = before.stream().map(h -> CookieAttributes.complete(h, secure)).toList();
        if (completed.equals(before)) {
            return;
        }
        super.setHeader(SET_COOKIE, completed.get(0));
        for (String header : completed.subList(1, completed.size())) {
            super.addHeader(SET_COOKIE, header);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            ServletOutputStream out = super.getOutputStream();
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    completeCookies(false);
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    completeCookies(false);
                    out.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    completeCookies(true);
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    completeCookies(true);
                    out.close();
                }

                @Override
                public boolean isReady() {
                    return out.isReady();
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    out.setWriteListener(listener);
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            PrintWriter out = super.getWriter();
            writer = new PrintWriter(new Writer() {
                @Override
                public void write(char[] chars, int off, int len) {
                    completeCookies(false);
                    out.write(chars, off, len);
                }

                @Override
                public void write(String s, int off, int len) {
                    completeCookies(false);
                    out.write(s, off, len);
                }

                @Override
                public void flush() {
                    completeCookies(true);
                    out.flush();
                }

                @Override
                public void close() {
                    completeCookies(true);
                    out.close();
                }
            }, false);
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        completeCookies(true);
        super.flushBuffer();
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        completeCookies(true);
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        completeCookies(true);
        super.sendError(status);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        completeCookies(true);
        super.sendRedirect(location);
    }

    @Override
    public void addCookie(jakarta.servlet.http.Cookie cookie) {
        changed = true;
        super.addCookie(cookie);
    }

    @Override
    public void addHeader(String name, String value) {
        changed = true;
        super.addHeader(name, value);
    }

    @Override
    public void setHeader(String name, String value) {
        changed = true;
        super.setHeader(name, value);
    }
}
