package fr.ameli.compte.application.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which peers are the service's reverse proxies ({@code ameli.trusted-proxies}): compared as addresses, never as strings. */
class TrustedProxiesTest {

    @ParameterizedTest(name = "{0} / peer {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1                  | 127.0.0.1                 | true",
            "127.0.0.1                  | 127.0.0.2                 | false",
            "::1                        | 0:0:0:0:0:0:0:1           | true",
            "0:0:0:0:0:0:0:1            | ::1                       | true",
            "127.0.0.1                  | 0:0:0:0:0:0:0:1           | false",
            "127.0.0.1                  | ::ffff:127.0.0.1          | true",
            "::ffff:10.0.0.5            | 10.0.0.5                  | true",
            "10.0.0.0/8                 | 10.200.3.4                | true",
            "10.0.0.0/8                 | 11.0.0.1                  | false",
            "192.168.1.0/25             | 192.168.1.127             | true",
            "192.168.1.0/25             | 192.168.1.128             | false",
            "172.16.0.0/12              | 172.31.255.255            | true",
            "172.16.0.0/12              | 172.32.0.1                | false",
            "fd00::/8                   | fd12:3456::1              | true",
            "fd00::/8                   | fe80::1                   | false",
            "2001:db8::/32              | 2001:DB8:0:0:0:0:0:7      | true",
            "10.0.0.0/8                 | fd00::1                   | false",
            "0.0.0.0/0                  | 203.0.113.9               | true",
            "10.0.0.5, fd00::5          | fd00:0:0:0:0:0:0:5        | true",
            "10.0.0.5                   | unknown                   | false",
            "10.0.0.5                   | localhost                 | false",
            "10.0.0.5                   | 10.0.0.5:8080             | false",
            "10.0.0.5                   | ''                        | false",
    })
    void a_peer_is_a_proxy_when_its_address_is_listed_or_in_a_listed_range(String entries, String peer, boolean trusted) {
        assertEquals(trusted, TrustedProxies.parse(Arrays.asList(entries.split(","))).contains(peer));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"localhost", "proxy.example.fr", "10.0.0.0/x", "10.0.0.0/33", "fd00::/129", "300.1.1.1", "1.2.3",
            "10.0.0.5/", "*", "10.0.0.5 10.0.0.6"})
    void an_entry_that_is_not_an_address_or_a_range_is_refused(String entry) {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(List.of(entry)));
    }

    @ParameterizedTest(name = "« {0} »")
    @ValueSource(strings = {"", "  ", " , "})
    void no_entry_trusts_nobody(String entries) {
        TrustedProxies none = TrustedProxies.parse(Arrays.asList(entries.split(",")));
        assertEquals(true, none.isEmpty());
        assertEquals(false, none.contains("127.0.0.1"));
    }
}
