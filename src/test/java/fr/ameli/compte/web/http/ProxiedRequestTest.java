package fr.ameli.compte.web.http;

import fr.ameli.compte.application.shared.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Which address the per-address throttles and the audit trail see, and whether the request counts as
 * HTTPS (Secure cookies, HSTS): only a configured reverse proxy may say so, in Forwarded (RFC 7239) or
 * X-Forwarded-For / X-Forwarded-Proto; anyone else who sends the headers is judged by their own
 * address and connection, whatever the headers say.
 */
class ProxiedRequestTest {

    private static final List<String> NO_PROXY = List.of();
    private static final List<String> PROXY = List.of("10.0.0.5");
    private static final List<String> IPV6_PROXY = List.of("10.0.0.5", "fd00::/8");

    private static Map<String, String> xff(String value) {
        return value == null ? Map.of() : Map.of("X-Forwarded-For", value);
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                arguments("direct client, no header", "203.0.113.7", Map.of(), NO_PROXY, "203.0.113.7", false),
                arguments("direct client, no proxy configured, forged headers", "203.0.113.7",
                        Map.of("X-Forwarded-For", "198.51.100.1", "X-Forwarded-Proto", "https"), NO_PROXY, "203.0.113.7", false),
                arguments("untrusted peer forges the header", "203.0.113.7", xff("198.51.100.1"), PROXY, "203.0.113.7", false),
                arguments("untrusted peer forges several hops", "203.0.113.7", xff("10.0.0.5, 198.51.100.1"), PROXY, "203.0.113.7", false),
                arguments("untrusted peer forges Forwarded", "203.0.113.7", Map.of("Forwarded", "for=198.51.100.1;proto=https"), PROXY,
                        "203.0.113.7", false),
                arguments("trusted proxy, no header", "10.0.0.5", Map.of(), PROXY, "10.0.0.5", false),
                arguments("trusted proxy, one forwarded address", "10.0.0.5", xff("198.51.100.1"), PROXY, "198.51.100.1", false),
                arguments("trusted proxy, the one it added is the last", "10.0.0.5", xff("192.0.2.9, 198.51.100.1"), PROXY, "198.51.100.1", false),
                arguments("trusted proxy, the client forged the first hops", "10.0.0.5", xff("1.1.1.1,2.2.2.2 ,  198.51.100.1 "), PROXY,
                        "198.51.100.1", false),
                arguments("trusted proxy, empty header", "10.0.0.5", xff(""), PROXY, "10.0.0.5", false),
                arguments("trusted proxy, commas only", "10.0.0.5", xff(",,"), PROXY, "10.0.0.5", false),
                arguments("trusted proxy, blank last hop", "10.0.0.5", xff("198.51.100.1, "), PROXY, "10.0.0.5", false),
                arguments("trusted proxy, last hop not an address", "10.0.0.5", xff("x".repeat(46)), PROXY, "10.0.0.5", false),
                arguments("trusted proxy, IPv4-mapped IPv6 client", "10.0.0.5", xff("::ffff:198.51.100.1"), PROXY, "::ffff:198.51.100.1", false),
                arguments("trusted proxy says https", "10.0.0.5", Map.of("X-Forwarded-For", "198.51.100.1", "X-Forwarded-Proto", "https"), PROXY,
                        "198.51.100.1", true),
                arguments("trusted proxy says http", "10.0.0.5", Map.of("X-Forwarded-Proto", "http"), PROXY, "10.0.0.5", false),
                arguments("trusted proxy, the proto it added is the last", "10.0.0.5", Map.of("X-Forwarded-Proto", "http, https"), PROXY,
                        "10.0.0.5", true),
                arguments("RFC 7239: for and proto", "10.0.0.5", Map.of("Forwarded", "for=198.51.100.1;proto=https"), PROXY, "198.51.100.1", true),
                arguments("RFC 7239: the last element is the proxy's", "10.0.0.5",
                        Map.of("Forwarded", "for=1.1.1.1;proto=http, for=198.51.100.1;proto=https"), PROXY, "198.51.100.1", true),
                arguments("RFC 7239: quoted IPv6 with its port", "10.0.0.5", Map.of("Forwarded", "For=\"[2001:db8:cafe::17]:4711\";Proto=HTTPS"),
                        PROXY, "2001:db8:cafe::17", true),
                arguments("RFC 7239: IPv4 with its port", "10.0.0.5", Map.of("Forwarded", "for=\"198.51.100.1:443\""), PROXY, "198.51.100.1", false),
                arguments("RFC 7239: an obfuscated node", "10.0.0.5", Map.of("Forwarded", "for=_hidden;proto=https"), PROXY, "10.0.0.5", true),
                arguments("RFC 7239: unknown", "10.0.0.5", Map.of("Forwarded", "for=unknown"), PROXY, "10.0.0.5", false),
                arguments("RFC 7239 wins over X-Forwarded-*", "10.0.0.5", Map.of("Forwarded", "for=198.51.100.1;proto=https",
                        "X-Forwarded-For", "203.0.113.99", "X-Forwarded-Proto", "http"), PROXY, "198.51.100.1", true),
                arguments("IPv6 direct client", "2001:db8::7", Map.of(), IPV6_PROXY, "2001:db8::7", false),
                arguments("IPv6 untrusted peer forges the header", "2001:db8::7", xff("2001:db8::1"), IPV6_PROXY, "2001:db8::7", false),
                arguments("IPv6 trusted proxy in a range, IPv6 client", "fd00::5", xff("2001:db8::1"), IPV6_PROXY, "2001:db8::1", false),
                arguments("a proxy the server names in the long form", "0:0:0:0:0:0:0:1", xff("198.51.100.1"), List.of("::1"),
                        "198.51.100.1", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void the_client_and_its_scheme_are_the_peer_s_unless_a_trusted_proxy_names_them(
            String situation, String peer, Map<String, String> headers, List<String> trustedProxies, String address, boolean secure) {
        HttpServletRequest received = request(peer, headers);
        HttpServletRequest seen = ProxiedRequest.of(received, TrustedProxies.parse(trustedProxies));
        assertAll(
                () -> assertEquals(address, seen.getRemoteAddr(), "client address"),
                () -> assertEquals(secure, seen.isSecure(), "HTTPS"));
    }

    /** A request over plain HTTP from {@code peer}, with these headers. */
    private static HttpServletRequest request(String peer, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "isSecure" -> false;
                    case "getScheme" -> "http";
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getHeaders" -> Collections.enumeration(headers.containsKey((String) args[0]) ? List.of(headers.get((String) args[0])) : List.of());
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
