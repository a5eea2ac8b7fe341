package fr.ameli.compte.application.shared;

import java.time.Duration;

/**
 * Leases that keep a periodic job on one server at a time (kept in the database by
 * {@code infrastructure}). A server takes or renews a job's lease at each tick; when it stops
 * renewing (it died), another takes the job over once the lease has expired; a server that stops
 * cleanly gives its leases up.
 */
public interface JobLeases {

    /** Takes or renews the job's lease for {@code duration}; false when another server holds it. */
    boolean acquire(String job, Duration duration);

    /** Gives the job's lease up if this server holds it (it stops): another server, or this one restarted, takes it at once. */
    void release(String job);
}
