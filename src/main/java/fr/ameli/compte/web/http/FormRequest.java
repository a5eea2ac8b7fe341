package fr.ameli.compte.web.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request whose parameters the service read itself ({@link ClientErrorFilter}): a form posted
 * as {@code application/x-www-form-urlencoded}, read whole (at most {@link ClientErrorFilter#MAX_FORM_BYTES})
 * and decoded strictly by {@link ClientFault#decode}, so that a bad %-escape or bytes that are not
 * UTF-8 are refused with a 400 instead of being dropped by the server with a log line. The query's
 * parameters come first, then the body's, as the Servlet specification says. At most
 * {@value #MAX_PARAMETERS} of them (the largest form of the service has a few dozen): a body of
 * 2 MB made of tiny pairs would otherwise fill two maps with a million entries. Or, for a client
 * error's page, the same request seen as a plain GET without parameters ({@link #asPlainGet}).
 */
final class FormRequest extends HttpServletRequestWrapper {

    /** The most parameters a form may carry, query included. */
    static final int MAX_PARAMETERS = 1_000;

    /** A form with more than {@value #MAX_PARAMETERS} parameters: the client's fault (413). */
    static final class TooManyParameters extends RuntimeException {
        TooManyParameters() {
            super("more than " + MAX_PARAMETERS + " parameters", null, false, false);
        }
    }

    private final String method;
    private final byte[] body;
    private final Map<String, String[]> parameters;

    private FormRequest(HttpServletRequest request, String method, byte[] body, Map<String, String[]> parameters) {
        super(request);
        this.method = method;
        this.body = body;
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /**
     * The form of this request, read from {@code body} (the bytes already read from it).
     *
     * @throws IllegalArgumentException for a name or value that does not decode
     * @throws TooManyParameters past {@value #MAX_PARAMETERS} parameters
     */
    static FormRequest parsed(HttpServletRequest request, byte[] body) {
        Map<String, List<String>> read = new LinkedHashMap<>();
        addPairs(read, request.getQueryString());
        addPairs(read, new String(body, StandardCharsets.ISO_8859_1));
        Map<String, String[]> parameters = new LinkedHashMap<>();
        read.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        return new FormRequest(request, request.getMethod(), body, parameters);
    }

    /** The request as a plain GET of its page, without parameters nor body: what a client error's page sees. */
    static FormRequest asPlainGet(HttpServletRequest request) {
        return new FormRequest(request, "GET", new byte[0], new LinkedHashMap<>());
    }

    private static void addPairs(Map<String, List<String>> read, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        int count = read.values().stream().mapToInt(List::size).sum();
        int from = 0;
        while (from <= encoded.length()) {
            int end = encoded.indexOf('&', from);
            String pair = encoded.substring(from, end < 0 ? encoded.length() : end);
            from = end < 0 ? encoded.length() + 1 : end + 1;
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_PARAMETERS) {
                throw new TooManyParameters();
            }
            int equals = pair.indexOf('=');
            String name = ClientFault.decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : ClientFault.decode(pair.substring(equals + 1));
            read.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getQueryString() {
        return method.equals(super.getMethod()) ? super.getQueryString() : null;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("the form was read already");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}
