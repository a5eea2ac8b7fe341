package fr.ameli.compte.application.shared;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How many requests the service works on at once: a few per processor core
 * ({@code ameli.requests.at-once-per-core}, 4 by default); the others wait for their turn, first
 * come first served, without using the processor.
 *
 * <p>Fifty people clicking at once on two cores would otherwise be fifty threads sharing two
 * cores: every page takes fifty times longer, and the slowest ones several times that (measured
 * on two cores, the login page at 50 connections: 1,000–1,200 requests/s with a p99 of 220–280 ms
 * with 64 at once, 1,360–1,410 requests/s with a p99 of 65–73 ms with 8, the default's 4 per core;
 * see {@code docs/BENCHMARKS.md}). A request that waits for something other than the processor
 * for long, its code hash ({@link CodeHasher}), gives its turn to the next one, so that hashes
 * never hold the pages up.
 *
 * <p>One client address has at most {@code ameli.requests.per-address} requests (16) waiting or
 * worked on: one more is refused at once ({@link #arrive}), before any page is made — a flood from
 * one address (64 login posts at once in the benchmark's attack) then takes a few of the turns, not
 * all of them, and costs almost nothing beyond its share.
 */
@ApplicationScoped
public class RequestAdmission {

    @Inject
    ServiceSettings settings;

    private Semaphore turns;
    /** The requests of each client address between {@link #arrive} and {@link #depart}. */
    private SharesPerAddress byAddress = new SharesPerAddress(Integer.MAX_VALUE);
    private final ThreadLocal<Boolean> admitted = ThreadLocal.withInitial(() -> false);

    /** For CDI. */
    protected RequestAdmission() {
    }

    /** With this many requests at once (tests). */
    RequestAdmission(int atOnce) {
        turns = new Semaphore(atOnce, true);
    }

    /** With this many requests at once, and at most {@code perAddress} from one address (tests). */
    RequestAdmission(int atOnce, int perAddress) {
        this(atOnce);
        this.byAddress = new SharesPerAddress(perAddress);
    }

    @PostConstruct
    void configure() {
        turns = new Semaphore(settings.requestsAtOncePerCore() * Runtime.getRuntime().availableProcessors(), true);
        byAddress = new SharesPerAddress(settings.requestsPerAddress());
    }

    /**
     * A request from {@code address} arrives: false when that address already has its share of
     * requests waiting or worked on (it is then refused at once, and {@link #depart} is not called).
     * Each {@code arrive} that returned true is followed by {@link #depart}. No address (null): not counted.
     */
    public boolean arrive(String address) {
        return byAddress.take(address);
    }

    /** The request of {@code address} that {@link #arrive} let in has ended. */
    public void depart(String address) {
        byAddress.release(address);
    }

    /**
     * Waits for this thread's turn, at most {@code patience}; false if it did not come (the
     * service is overloaded). Each {@code enter} that returned true is followed by {@link #leave}.
     */
    public boolean enter(Duration patience) throws InterruptedException {
        if (!turns.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        admitted.set(true);
        return true;
    }

    /** Gives the turn to the next request. */
    public void leave() {
        if (admitted.get()) {
            admitted.remove();
            turns.release();
        }
    }

    /**
     * Runs {@code waiting} (work done elsewhere that this thread only waits for) after giving this
     * thread's turn to the next request. The request then goes on without a turn: what is left of
     * it after a code hash is short, and taking a turn again could wait for requests that wait for
     * this one (a lock it holds). Outside a request (start-up, timers), simply runs it.
     */
    public <T> T stepAsideWhile(Callable<T> waiting) throws Exception {
        leave();
        return waiting.call();
    }
}
