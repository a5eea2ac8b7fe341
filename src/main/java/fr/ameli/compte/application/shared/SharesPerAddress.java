package fr.ameli.compte.application.shared;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What each client address has going on at once (requests in {@link RequestAdmission}, code hashes
 * in the hashing queue), with a bound: one more than {@code share} is refused and counts for
 * nothing. No address (null: start-up, timers) is never refused nor counted.
 */
public final class SharesPerAddress {

    private final int share;
    /** By address; an address with nothing going on is not in the map. */
    private final ConcurrentHashMap<String, Integer> byAddress = new ConcurrentHashMap<>();

    public SharesPerAddress(int share) {
        this.share = share;
    }

    /** One more for {@code address}: false (and nothing counted) when it already has its share. Each true is followed by {@link #release}. */
    public boolean take(String address) {
        if (address == null) {
            return true;
        }
        if (byAddress.merge(address, 1, Integer::sum) > share) {
            release(address);
            return false;
        }
        return true;
    }

    /** One that {@link #take} let in has ended. */
    public void release(String address) {
        if (address != null) {
            byAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** How many {@code address} has going on now. */
    public int of(String address) {
        return byAddress.getOrDefault(address, 0);
    }
}
