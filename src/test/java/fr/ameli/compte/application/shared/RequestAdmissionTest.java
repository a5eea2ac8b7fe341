package fr.ameli.compte.application.shared;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestAdmissionTest {

    private static final Duration SHORT = Duration.ofMillis(50);
    private static final Duration LONG = Duration.ofSeconds(10);

    @Test
    void no_more_requests_than_turns_are_worked_on_at_once() throws Exception {
        RequestAdmission admission = new RequestAdmission(2);
        assertTrue(enterOnAnotherThread(admission, SHORT).get());
        assertTrue(enterOnAnotherThread(admission, SHORT).get());
        assertFalse(enterOnAnotherThread(admission, SHORT).get(), "a third waits, and gives up after its patience");
    }

    @Test
    void a_turn_left_is_taken_by_the_request_waiting_for_it() throws Exception {
        RequestAdmission admission = new RequestAdmission(1);
        assertTrue(admission.enter(SHORT));
        CompletableFuture<Boolean> next = enterOnAnotherThread(admission, LONG);
        Thread.sleep(100);
        assertFalse(next.isDone(), "waits while the turn is held");
        admission.leave();
        assertTrue(next.get(10, TimeUnit.SECONDS));
    }

    @Test
    void a_request_waiting_for_its_hash_gives_its_turn_to_the_next_one_and_goes_on_without_one() throws Exception {
        RequestAdmission admission = new RequestAdmission(1);
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch hashDone = new CountDownLatch(1);
        CompletableFuture<String> hasher = CompletableFuture.supplyAsync(() -> {
            try {
                assertTrue(admission.enter(LONG));
                String result = admission.stepAsideWhile(() -> {
                    hashing.countDown();
                    assertTrue(hashDone.await(10, TimeUnit.SECONDS));
                    return "haché";
                });
                admission.leave();
                return result;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(hashing.await(10, TimeUnit.SECONDS));
        assertTrue(admission.enter(SHORT), "the page gets the turn while the other request waits for its hash");
        hashDone.countDown();
        assertEquals("haché", hasher.get(10, TimeUnit.SECONDS), "the hashed request finishes without waiting for a turn");
        admission.leave();
        assertTrue(admission.enter(SHORT), "every turn was given back, none twice");
        assertFalse(enterOnAnotherThread(admission, SHORT).get(), "still one turn only");
        admission.leave();
    }

    @Test
    void outside_a_request_the_work_simply_runs() throws Exception {
        RequestAdmission admission = new RequestAdmission(1);
        assertTrue(enterOnAnotherThread(admission, SHORT).get(), "the only turn is taken");
        assertEquals(42, admission.stepAsideWhile(() -> 42), "start-up and timers need no turn");
        assertFalse(admission.enter(SHORT), "and gave none back");
    }

    @Test
    void leaving_without_having_entered_gives_back_nothing() throws Exception {
        RequestAdmission admission = new RequestAdmission(1);
        admission.leave();
        assertTrue(admission.enter(SHORT));
        assertFalse(enterOnAnotherThread(admission, SHORT).get(), "still one turn only");
        admission.leave();
    }

    @Test
    void one_address_has_its_share_of_requests_and_no_more_and_gets_it_back_as_they_end() {
        RequestAdmission admission = new RequestAdmission(8, 2);
        assertTrue(admission.arrive("203.0.113.66"));
        assertTrue(admission.arrive("203.0.113.66"));
        assertFalse(admission.arrive("203.0.113.66"), "a third at once is refused at once");
        assertTrue(admission.arrive("198.51.100.1"), "another address has its own share");
        assertTrue(admission.arrive(null), "outside a request (no address): not counted");
        admission.depart("203.0.113.66");
        assertTrue(admission.arrive("203.0.113.66"), "a request that ended gives its place back");
        assertFalse(admission.arrive("203.0.113.66"), "a refused one took none");
    }

    /** Enters on a thread of its own that keeps the turn. */
    private static CompletableFuture<Boolean> enterOnAnotherThread(RequestAdmission admission, Duration patience) {
        CompletableFuture<Boolean> entered = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                entered.complete(admission.enter(patience));
            } catch (InterruptedException e) {
                entered.completeExceptionally(e);
            }
        });
        thread.setDaemon(true);
        thread.start();
        return entered;
    }
}
