package dev.apikeys.sdk.internal.transport;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds the requests in flight, as OkHttp's {@code Dispatcher} does: up to the limit a request
 * starts at once; beyond it, it waits in one first-come, first-served queue, blocking and async
 * calls alike, for a request to end. Shared by the clients derived from one another. Thread-safe;
 * a blocking waiter parks on a future, never on a monitor, so virtual threads are not pinned.
 */
public final class RequestLimiter {

  private static final CompletableFuture<Void> GRANTED = CompletableFuture.completedFuture(null);

  private final int maxInFlight;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
  private int inFlight;

  /**
   * Creates a limiter.
   *
   * @param maxInFlight how many requests may be in flight at once, at least 1
   */
  public RequestLimiter(int maxInFlight) {
    this.maxInFlight = maxInFlight;
  }

  /**
   * Returns the limit.
   *
   * @return how many requests may be in flight at once
   */
  public int maxInFlight() {
    return maxInFlight;
  }

  /**
   * Asks for a slot.
   *
   * @return a future completed when the slot is granted; already complete when one was free
   */
  CompletableFuture<Void> acquire() {
    lock.lock();
    try {
      if (inFlight < maxInFlight) {
        inFlight++;
        return GRANTED;
      }
      CompletableFuture<Void> grant = new CompletableFuture<>();
      waiting.add(grant);
      return grant;
    } finally {
      lock.unlock();
    }
  }

  /** Gives a slot back: to the longest waiter, if any. */
  void release() {
    while (true) {
      CompletableFuture<Void> next;
      lock.lock();
      try {
        next = waiting.poll();
        if (next == null) {
          inFlight--;
          return;
        }
      } finally {
        lock.unlock();
      }
      if (next.complete(null)) {
        return;
      }
    }
  }

  /**
   * Gives up a wait.
   *
   * @param grant the future {@link #acquire()} returned
   * @return true when the slot had not been granted (nothing to give back); false when it had
   *     been, so the caller holds it and must {@link #release()} it
   */
  boolean abandon(CompletableFuture<Void> grant) {
    lock.lock();
    try {
      if (waiting.remove(grant)) {
        grant.cancel(false);
        return true;
      }
      return false;
    } finally {
      lock.unlock();
    }
  }
}
