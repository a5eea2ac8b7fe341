package fr.ameli.compte.application.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies in front of the service ({@code ameli.trusted-proxies}): addresses and CIDR
 * ranges ({@code 10.0.0.0/8}, {@code fd00::/8}), IPv4 and IPv6, compared as addresses — not as
 * strings, so that {@code ::1} matches a peer the server reports as {@code 0:0:0:0:0:0:0:1}, and
 * an IPv4 address matches its IPv6-mapped form ({@code ::ffff:10.0.0.5}). Only what is written as an
 * address is one: a host name is refused (it would need a DNS look-up, and could change), as is
 * anything else.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    /** None: every request is taken as it reaches the service. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    /** One address or range: the network's leading bytes, and how many bits of them count. */
    private record Range(byte[] network, int prefixBits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * The entries of {@code ameli.trusted-proxies}, each an address or a range.
     *
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public static TrustedProxies parse(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            String value = entry.strip();
            if (value.isEmpty()) {
                continue;
            }
            int slash = value.indexOf('/');
            byte[] network = literal(slash < 0 ? value : value.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address or a CIDR range: " + entry));
            int bits = network.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(value.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not an IP address or a CIDR range: " + entry);
                }
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("not an IP address or a CIDR range: " + entry);
                }
            }
            ranges.add(new Range(network, bits));
        }
        return new TrustedProxies(ranges);
    }

    /** Whether a peer's address (as the server reports it) is one of the proxies; false for anything that is not an address. */
    public boolean contains(String peer) {
        if (ranges.isEmpty() || peer == null) {
            return false;
        }
        Optional<byte[]> address = literal(peer.strip());
        return address.isPresent() && ranges.stream().anyMatch(r -> r.contains(address.get()));
    }

    /** Whether {@code text} is written as an IP address (IPv4, or IPv6 possibly in brackets). */
    public static boolean isAddress(String text) {
        return text != null && literal(text.strip()).isPresent();
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * The bytes of an address written as one (IPv4 dotted, or IPv6, possibly in brackets and with an
     * IPv4 tail); an IPv6-mapped IPv4 address gives its 4 IPv4 bytes. Empty for anything else (host
     * names included: no DNS look-up is ever made).
     */
    static Optional<byte[]> literal(String text) {
        String value = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (value.isEmpty() || value.length() > 45 || !(IPV4.matcher(value).matches() || IPV6.matcher(value).matches())) {
            return Optional.empty();
        }
        if (IPV4.matcher(value).matches()) {
            for (String part : value.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            // A literal: InetAddress parses it without any look-up; it turns a mapped IPv4 address into an Inet4Address.
            return Optional.of(InetAddress.getByName(value).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
