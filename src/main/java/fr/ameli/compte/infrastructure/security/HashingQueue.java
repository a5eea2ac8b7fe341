package fr.ameli.compte.infrastructure.security;

import fr.ameli.compte.application.shared.ServiceBusy;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The code hashes to make, on a few threads (one per core), first come first served — bounded: at
 * most {@code waiting} hashes wait for a thread, and one client address has at most
 * {@code perAddress} waiting or running. Past either bound a hash is refused at once
 * ({@link ServiceBusy}): a flood of logins from one address fills only its own share and the
 * others' hashes go on; a flood from everywhere gets a quick « très demandé » answer instead of
 * ever longer waits. Work outside a request (no address: start-up, timers) counts only in all.
 */
final class HashingQueue implements AutoCloseable {

    private final ThreadPoolExecutor threads;
    private final int perAddress;
    /** The hashes waiting or running, by client address (an address with none is not in the map). */
    private final ConcurrentHashMap<String, Integer> byAddress = new ConcurrentHashMap<>();

    HashingQueue(int threadCount, int waiting, int perAddress, ThreadFactory factory) {
        this.threads = new ThreadPoolExecutor(threadCount, threadCount, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(waiting), factory, new ThreadPoolExecutor.AbortPolicy());
        this.perAddress = perAddress;
    }

    /** Queues {@code work} for {@code address} (null: outside a request); refused at once past a bound. */
    <T> Future<T> submit(String address, Callable<T> work) {
        if (address != null && byAddress.merge(address, 1, Integer::sum) > perAddress) {
            done(address);
            throw new ServiceBusy("more than " + perAddress + " code hashes at once from one client address");
        }
        try {
            return threads.submit(() -> {
                try {
                    return work.call();
                } finally {
                    done(address);
                }
            });
        } catch (RejectedExecutionException e) {
            done(address);
            throw new ServiceBusy("the code hashes' queue is full");
        }
    }

    /** How many hashes {@code address} has waiting or running (tests). */
    int of(String address) {
        return byAddress.getOrDefault(address, 0);
    }

    private void done(String address) {
        if (address != null) {
            byAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
