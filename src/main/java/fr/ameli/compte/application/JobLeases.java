package fr.ameli.compte.application;

import java.time.Duration;

/**
 * Leases that keep a periodic job on one server at a time (kept in the database by
 * {@code infrastructure}). A server takes or renews a job's lease at each tick; when it stops
 * renewing (it died), another takes the job over once the lease has expired.
 */
public interface JobLeases {

    /** Takes or renews the job's lease for {@code duration}; false when another server holds it. */
    boolean acquire(String job, Duration duration);
}
