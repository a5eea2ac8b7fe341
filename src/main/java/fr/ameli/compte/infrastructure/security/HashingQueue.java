package fr.ameli.compte.infrastructure.security;

import fr.ameli.compte.application.shared.ServiceBusy;
import fr.ameli.compte.application.shared.SharesPerAddress;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
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
    /** The hashes waiting or running, by client address. */
    private final SharesPerAddress byAddress;

    HashingQueue(int threadCount, int waiting, int perAddress, ThreadFactory factory) {
        this.threads = new ThreadPoolExecutor(threadCount, threadCount, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(waiting), factory, new ThreadPoolExecutor.AbortPolicy());
        this.perAddress = perAddress;
        this.byAddress = new SharesPerAddress(perAddress);
    }

    /** Queues {@code work} for {@code address} (null: outside a request); refused at once past a bound. */
    <T> Future<T> submit(String address, Callable<T> work) {
        if (!byAddress.take(address)) {
            throw new ServiceBusy("more than " + perAddress + " code hashes at once from one client address");
        }
        try {
            return threads.submit(() -> {
                try {
                    return work.call();
                } finally {
                    byAddress.release(address);
                }
            });
        } catch (RejectedExecutionException e) {
            byAddress.release(address);
            throw new ServiceBusy("the code hashes' queue is full");
        }
    }

    /** How many hashes {@code address} has waiting or running (tests). */
    int of(String address) {
        return byAddress.of(address);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
