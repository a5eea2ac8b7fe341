package fr.ameli.compte.application.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The service's clock, in one place (UTC instants; pages format them for Paris). It ticks in
 * microseconds, the finest a PostgreSQL timestamp keeps, so that an instant read back from the
 * database is the instant that was written.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));
    }
}
