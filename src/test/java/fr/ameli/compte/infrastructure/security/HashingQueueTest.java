package fr.ameli.compte.infrastructure.security;

import fr.ameli.compte.application.shared.ServiceBusy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The code hashes' queue: bounded in all and per client address, refused at once past a bound, shares given back. */
class HashingQueueTest {

    /** One hashing thread, 4 hashes waiting at most, 2 per address. */
    private final HashingQueue queue = new HashingQueue(1, 4, 2, Thread::new);
    /** Holds the hashing thread busy until released. */
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        queue.close();
    }

    private Future<String> blocked(String address) {
        return queue.submit(address, () -> {
            release.await(10, TimeUnit.SECONDS);
            return "fait";
        });
    }

    @Test
    void one_address_gets_its_share_and_no_more_while_others_still_get_theirs() throws Exception {
        blocked("203.0.113.66");
        blocked("203.0.113.66");
        assertThrows(ServiceBusy.class, () -> blocked("203.0.113.66"), "a third at once from the same address");
        Future<String> other = blocked("198.51.100.1");
        assertEquals(2, queue.of("203.0.113.66"));
        release.countDown();
        assertEquals("fait", other.get(5, TimeUnit.SECONDS));
    }

    @Test
    void past_the_queue_s_bound_a_hash_is_refused_at_once_whatever_its_address() {
        List<Future<String>> held = new ArrayList<>();
        held.add(blocked("a"));   // running
        held.add(blocked("b"));   // waiting: 1
        held.add(blocked("c"));   // 2
        held.add(blocked("d"));   // 3
        held.add(blocked(null));  // 4 (start-up work: counted in all only)
        long start = System.nanoTime();
        ServiceBusy refused = assertThrows(ServiceBusy.class, () -> blocked("e"));
        assertAll(
                () -> assertEquals("the code hashes' queue is full", refused.getMessage()),
                () -> assertEquals(0, queue.of("e"), "a refused hash takes no share"),
                () -> assertEquals(true, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) < 1000, "refused at once"));
    }

    @Test
    void a_share_is_given_back_when_its_hash_is_done_even_when_it_fails() throws Exception {
        Future<String> failed = queue.submit("203.0.113.66", () -> {
            throw new IllegalStateException("boom");
        });
        assertThrows(java.util.concurrent.ExecutionException.class, () -> failed.get(5, TimeUnit.SECONDS));
        Future<String> done = queue.submit("203.0.113.66", () -> "fait");
        assertEquals("fait", done.get(5, TimeUnit.SECONDS));
        // The share is given back after the result: wait for the count to fall.
        for (int i = 0; i < 100 && queue.of("203.0.113.66") > 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(0, queue.of("203.0.113.66"));
    }
}
