package fr.ameli.compte.web.http;

import fr.ameli.compte.application.shared.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A request as the client made it, when it came through one of the service's reverse proxies
 * ({@code ameli.trusted-proxies}), which end TLS and call the service over plain HTTP: its client
 * address ({@link #getRemoteAddr}) and whether it came over HTTPS ({@link #isSecure}) are what the
 * proxy says in {@code Forwarded} (RFC 7239: {@code for=}, {@code proto=}) or, without it, in
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} — the last entry of each, the one the proxy
 * added itself (the ones before came from whoever called it). A request from any other peer is
 * taken as it reaches the service: a client cannot choose its address, nor make the service believe
 * it came over HTTPS, by sending these headers itself. Made once, by the first filter
 * ({@link SecurityHeadersFilter}); everything after it (cookies' {@code Secure}, HSTS, the client's
 * address for the locks and the audit trail) reads it from the request.
 */
final class ProxiedRequest extends HttpServletRequestWrapper {

    private final String clientAddress;
    private final boolean secure;

    private ProxiedRequest(HttpServletRequest request, String clientAddress, boolean secure) {
        super(request);
        this.clientAddress = clientAddress;
        this.secure = secure;
    }

    /** The request as its client made it: {@code request} itself unless its peer is a trusted proxy that says more. */
    static HttpServletRequest of(HttpServletRequest request, TrustedProxies proxies) {
        if (!proxies.contains(request.getRemoteAddr())) {
            return request;
        }
        List<String> forwarded = request.getHeader("Forwarded") == null ? List.of() : Collections.list(request.getHeaders("Forwarded"));
        Optional<String> address;
        Optional<String> proto;
        if (!forwarded.isEmpty()) {
            String nearest = lastElement(String.join(",", forwarded));
            address = parameter(nearest, "for").flatMap(ProxiedRequest::nodeAddress);
            proto = parameter(nearest, "proto");
        } else {
            address = last(request.getHeader("X-Forwarded-For")).filter(TrustedProxies::isAddress);
            proto = last(request.getHeader("X-Forwarded-Proto"));
        }
        boolean secure = proto.map(p -> p.equalsIgnoreCase("https")).orElse(request.isSecure());
        return new ProxiedRequest(request, address.orElse(request.getRemoteAddr()), secure);
    }

    @Override
    public String getRemoteAddr() {
        return clientAddress;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getScheme() {
        return secure ? "https" : "http";
    }

    /** The last of a comma-separated header's entries, if it is not blank. */
    static Optional<String> last(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] entries = header.split(",");
        String last = entries.length == 0 ? "" : entries[entries.length - 1].strip();
        return last.isEmpty() ? Optional.empty() : Optional.of(last);
    }

    /** The last element of a {@code Forwarded} value (its elements are separated by commas outside quotes). */
    static String lastElement(String forwarded) {
        List<String> elements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : forwarded.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                elements.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        elements.add(current.toString());
        return elements.get(elements.size() - 1).strip();
    }

    /** A parameter of a {@code Forwarded} element ({@code for=…;proto=…}), unquoted; names are case-insensitive. */
    static Optional<String> parameter(String element, String name) {
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals(name)) {
                String value = pair.substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * The address of a {@code Forwarded} node ({@code 192.0.2.60}, {@code 192.0.2.60:4711},
     * {@code [2001:db8::17]:4711}); empty for {@code unknown}, an obfuscated name ({@code _abc}) or
     * anything that is not an address.
     */
    static Optional<String> nodeAddress(String node) {
        String host = node;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            host = host.substring(1, close);
        } else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            host = host.substring(0, host.indexOf(':'));
        }
        return TrustedProxies.isAddress(host) ? Optional.of(host) : Optional.empty();
    }
}
