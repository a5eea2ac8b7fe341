package fr.ameli.compte.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Which address the per-address throttles and the audit trail see: only a configured reverse proxy
 * may name the client in X-Forwarded-For; anyone else who sends the header is judged by their own
 * address, whatever the header says.
 */
class ClientOriginFilterTest {

    private static final List<String> NO_PROXY = List.of();
    private static final List<String> PROXY = List.of("10.0.0.5");
    private static final List<String> IPV6_PROXY = List.of("10.0.0.5", "fd00::5");

    static Stream<Arguments> requests() {
        return Stream.of(
                arguments("direct client, no header", "203.0.113.7", null, NO_PROXY, "203.0.113.7"),
                arguments("direct client, no proxy configured, forged header", "203.0.113.7", "198.51.100.1", NO_PROXY, "203.0.113.7"),
                arguments("untrusted peer forges the header", "203.0.113.7", "198.51.100.1", PROXY, "203.0.113.7"),
                arguments("untrusted peer forges several hops", "203.0.113.7", "10.0.0.5, 198.51.100.1", PROXY, "203.0.113.7"),
                arguments("trusted proxy, no header", "10.0.0.5", null, PROXY, "10.0.0.5"),
                arguments("trusted proxy, one forwarded address", "10.0.0.5", "198.51.100.1", PROXY, "198.51.100.1"),
                arguments("trusted proxy, the one it added is the last", "10.0.0.5", "192.0.2.9, 198.51.100.1", PROXY, "198.51.100.1"),
                arguments("trusted proxy, the client forged the first hops", "10.0.0.5", "1.1.1.1,2.2.2.2 ,  198.51.100.1 ", PROXY, "198.51.100.1"),
                arguments("trusted proxy, empty header", "10.0.0.5", "", PROXY, "10.0.0.5"),
                arguments("trusted proxy, blank header", "10.0.0.5", "   ", PROXY, "10.0.0.5"),
                arguments("trusted proxy, commas only", "10.0.0.5", ",,", PROXY, "10.0.0.5"),
                arguments("trusted proxy, blank last hop", "10.0.0.5", "198.51.100.1, ", PROXY, "10.0.0.5"),
                arguments("trusted proxy, last hop too long to be an address", "10.0.0.5", "x".repeat(46), PROXY, "10.0.0.5"),
                arguments("trusted proxy, IPv4-mapped IPv6 at the 45-character limit", "10.0.0.5",
                        "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", PROXY, "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255"),
                arguments("IPv6 direct client", "2001:db8::7", null, IPV6_PROXY, "2001:db8::7"),
                arguments("IPv6 untrusted peer forges the header", "2001:db8::7", "2001:db8::1", IPV6_PROXY, "2001:db8::7"),
                arguments("IPv6 trusted proxy, IPv6 client", "fd00::5", "2001:db8::1", IPV6_PROXY, "2001:db8::1"),
                arguments("IPv6 trusted proxy, several hops", "fd00::5", "203.0.113.7, 2001:db8::1", IPV6_PROXY, "2001:db8::1"),
                arguments("second of two trusted proxies", "fd00::5", "198.51.100.1", IPV6_PROXY, "198.51.100.1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void the_client_address_is_the_peer_unless_a_trusted_proxy_names_it(
            String situation, String peer, String forwardedFor, List<String> trustedProxies, String expected) {
        assertEquals(expected, ClientOriginFilter.clientAddress(peer, forwardedFor, trustedProxies));
    }
}
