package fr.ameli.compte.web.http;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The log's word on client errors: one warning line, without a stack trace, naming the client's
 * address — at most one per address and minute, so that nobody fills the log by sending bad
 * requests (the other ones of that minute are answered all the same, silently).
 */
final class ClientFaultLog {

    private static final Logger LOG = Logger.getLogger(ClientFaultLog.class.getName());
    /** Past this many addresses in one minute (a flood from many addresses), no line for a further one until the next minute. */
    static final int ADDRESSES_REMEMBERED = 10_000;

    private final Clock clock;
    private final Map<String, Long> minuteByAddress = new ConcurrentHashMap<>();

    ClientFaultLog(Clock clock) {
        this.clock = clock;
    }

    /** Whether a line may be written for this address now; records it when it may. */
    boolean mayWrite(String address) {
        long minute = clock.millis() / 60_000;
        if (minuteByAddress.size() >= ADDRESSES_REMEMBERED) {
            minuteByAddress.values().removeIf(m -> m != minute);
            if (minuteByAddress.size() >= ADDRESSES_REMEMBERED && !minuteByAddress.containsKey(address)) {
                return false;
            }
        }
        Long before = minuteByAddress.put(address, minute);
        return before == null || before != minute;
    }

    /** The warning line for a client error, when this address had none this minute. */
    void write(String address, ClientFault fault, String method, String uri, String detail) {
        if (mayWrite(address)) {
            LOG.warning("Client error " + fault.status + " (" + fault.name() + ") from " + address + " on "
                    + shortened(method, 20) + " " + shortened(uri, 200)
                    + ": " + detail + "; no further line for this address this minute");
        }
    }

    /** What the client chose, cut to a length that keeps the line one line of the log. */
    private static String shortened(String sent, int length) {
        String printable = sent == null ? "" : sent.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= length ? printable : printable.substring(0, length) + "…";
    }
}
