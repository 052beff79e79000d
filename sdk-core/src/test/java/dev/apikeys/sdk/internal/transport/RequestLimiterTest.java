package dev.apikeys.sdk.internal.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The limiter's arithmetic, which the HTTP/2 tests reach only through a server's timing: the
 * order of grants, the limit lowered by a refused stream and its climb back, and a long queue
 * whose continuations end at once.
 */
class RequestLimiterTest {

  /** Takes every slot the limiter grants at once; returns how many. */
  private static int takeFree(RequestLimiter limiter) {
    int taken = 0;
    while (true) {
      CompletableFuture<Void> grant = limiter.acquire();
      if (!grant.isDone()) {
        assertTrue(limiter.abandon(grant));
        return taken;
      }
      taken++;
    }
  }

  @Test
  void slotsUpToTheLimitAreGrantedAtOnceAndTheRestInTheOrderTheyAsked() {
    RequestLimiter limiter = new RequestLimiter(2);
    assertTrue(limiter.acquire().isDone());
    assertTrue(limiter.acquire().isDone());
    CompletableFuture<Void> third = limiter.acquire();
    CompletableFuture<Void> fourth = limiter.acquire();
    assertFalse(third.isDone());

    limiter.release();

    assertTrue(third.isDone());
    assertFalse(fourth.isDone());
    limiter.release();
    assertTrue(fourth.isDone());
  }

  @Test
  void aRefusedStreamLowersTheLimitBelowWhatWasInFlightAndPutsTheRequestFirstInLine() {
    RequestLimiter limiter = new RequestLimiter(6);
    for (int i = 0; i < 6; i++) {
      assertTrue(limiter.acquire().isDone());
    }
    CompletableFuture<Void> waiting = limiter.acquire();
    // One of the 6 in flight is refused: the connection held 5 streams.
    CompletableFuture<Void> requeued = limiter.refused();

    assertEquals(5, limiter.limit());
    assertFalse(requeued.isDone(), "5 in flight is the new limit");
    assertFalse(waiting.isDone());
    limiter.release();
    assertTrue(requeued.isDone(), "the refused request goes before the one that waited");
    assertFalse(waiting.isDone());
    assertEquals(6, limiter.maxInFlight());
  }

  @Test
  void theLimitNeverDropsBelowOneAndARequestAloneIsGrantedAtOnce() {
    RequestLimiter limiter = new RequestLimiter(4);
    assertTrue(limiter.acquire().isDone());

    CompletableFuture<Void> again = limiter.refused();

    assertEquals(1, limiter.limit());
    assertTrue(again.isDone(), "nothing else in flight: the slot is granted again at once");
    assertTrue(limiter.refused().isDone());
    assertEquals(1, limiter.limit());
  }

  @Test
  void aLoweredLimitClimbsBackByOneAfterAsManyRequestsEndAsTheLimitUpToTheConfiguredOne() {
    RequestLimiter limiter = new RequestLimiter(4);
    for (int i = 0; i < 3; i++) {
      assertTrue(limiter.acquire().isDone());
    }
    CompletableFuture<Void> requeued = limiter.refused();
    assertEquals(2, limiter.limit());
    assertFalse(requeued.isDone());
    limiter.release();
    assertTrue(requeued.isDone());
    limiter.release();
    assertEquals(3, limiter.limit(), "two requests ended at a limit of 2");

    limiter.release();
    for (int round = 0; round < 2; round++) {
      assertTrue(limiter.acquire().isDone());
      limiter.release();
    }
    assertEquals(4, limiter.limit(), "three more ended at a limit of 3");
    for (int round = 0; round < 20; round++) {
      assertTrue(limiter.acquire().isDone());
      limiter.release();
    }
    assertEquals(4, limiter.limit(), "never above the configured limit");
    assertEquals(4, takeFree(limiter));
  }

  @Test
  void anAbandonedWaitIsNeverGrantedAndAGrantedOneMustBeReleased() {
    RequestLimiter limiter = new RequestLimiter(1);
    CompletableFuture<Void> held = limiter.acquire();
    CompletableFuture<Void> given = limiter.acquire();
    CompletableFuture<Void> next = limiter.acquire();

    assertTrue(limiter.abandon(given), "not granted: nothing to give back");
    assertTrue(given.isCancelled());
    assertFalse(limiter.abandon(held), "granted: the caller holds the slot");
    limiter.release();

    assertTrue(next.isDone(), "the abandoned wait's turn went to the next in line");
  }

  @Test
  void aLongQueueWhoseContinuationsEndTheirRequestsAtOnceIsGrantedWithAFlatStack() {
    RequestLimiter limiter = new RequestLimiter(1);
    assertTrue(limiter.acquire().isDone());
    AtomicInteger granted = new AtomicInteger();
    AtomicInteger nesting = new AtomicInteger();
    AtomicInteger deepest = new AtomicInteger();
    List<CompletableFuture<Void>> queue = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      CompletableFuture<Void> grant = limiter.acquire();
      // As an async call that fails at once: the continuation ends its request on this thread.
      grant.thenRun(() -> {
        granted.incrementAndGet();
        deepest.accumulateAndGet(nesting.incrementAndGet(), Math::max);
        limiter.release();
        nesting.decrementAndGet();
      });
      queue.add(grant);
    }

    limiter.release();

    assertEquals(50_000, granted.get(), "every waiter was granted, none lost to the stack");
    assertEquals(1, deepest.get(), "no continuation ran inside another");
    assertTrue(queue.stream().allMatch(grant -> grant.isDone() && !grant.isCancelled()));
    assertEquals(1, takeFree(limiter), "every slot came back");
  }
}
