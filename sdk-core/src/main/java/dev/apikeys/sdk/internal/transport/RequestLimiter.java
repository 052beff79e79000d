package dev.apikeys.sdk.internal.transport;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds the requests in flight, as OkHttp's {@code Dispatcher} does: up to the limit a request
 * starts at once; beyond it, it waits in one first-come, first-served queue, blocking and async
 * calls alike, for a request to end. Shared by the clients derived from one another. Thread-safe;
 * a blocking waiter parks on a future, never on a monitor, so virtual threads are not pinned.
 *
 * <p>When HTTP/2 refuses a stream (the server allows fewer concurrent streams than the limit),
 * the effective limit drops below the requests then in flight, never below 1; it climbs back by
 * one after as many requests end as the limit, so it follows a server that allows more again.
 *
 * <p>Granting a slot completes the waiter's future, which may run its continuation on the
 * granting thread; that continuation may end a request and grant again. Such a nested grant only
 * asks the outer one for another pass, so the stack stays flat however long the queue.
 */
public final class RequestLimiter {

  private static final CompletableFuture<Void> GRANTED = CompletableFuture.completedFuture(null);

  private final int maxInFlight;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
  private final AtomicInteger grantPasses = new AtomicInteger();
  private int limit;
  private int endedSinceChange;
  private int inFlight;

  /**
   * Creates a limiter.
   *
   * @param maxInFlight how many requests may be in flight at once, at least 1
   */
  public RequestLimiter(int maxInFlight) {
    this.maxInFlight = maxInFlight;
    this.limit = maxInFlight;
  }

  /**
   * Returns the limit as configured.
   *
   * @return how many requests may be in flight at once
   */
  public int maxInFlight() {
    return maxInFlight;
  }

  /**
   * Returns the limit now: the configured one, or less while HTTP/2 refuses streams.
   *
   * @return how many requests may be in flight at once now
   */
  public int limit() {
    lock.lock();
    try {
      return limit;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Asks for a slot.
   *
   * @return a future completed when the slot is granted; already complete when one was free
   */
  CompletableFuture<Void> acquire() {
    lock.lock();
    try {
      if (inFlight < limit) {
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

  /** Gives a slot back: to the longest waiter, if the limit allows. */
  void release() {
    lock.lock();
    try {
      inFlight--;
      if (limit < maxInFlight && ++endedSinceChange >= limit) {
        limit++;
        endedSinceChange = 0;
      }
    } finally {
      lock.unlock();
    }
    grantWaiting();
  }

  /**
   * Gives back the slot of a request whose stream the connection refused, lowers the limit
   * below the requests in flight (never below 1), and queues the request again, first in line.
   *
   * @return the new grant; already complete when nothing else of this limiter is in flight
   */
  CompletableFuture<Void> refused() {
    lock.lock();
    try {
      limit = Math.max(1, Math.min(limit, inFlight) - 1);
      endedSinceChange = 0;
      inFlight--;
      if (inFlight < limit) {
        inFlight++;
        return GRANTED;
      }
      CompletableFuture<Void> grant = new CompletableFuture<>();
      waiting.addFirst(grant);
      return grant;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Grants free slots to the longest waiters. Only one thread grants at a time; a call that
   * comes while another grants (on another thread, or nested in a continuation on this one) adds
   * a pass to that one's work and returns.
   */
  private void grantWaiting() {
    if (grantPasses.getAndIncrement() != 0) {
      return;
    }
    int passes = 1;
    do {
      grantWhileFree();
      passes = grantPasses.addAndGet(-passes);
    } while (passes != 0);
  }

  private void grantWhileFree() {
    while (true) {
      CompletableFuture<Void> next;
      lock.lock();
      try {
        if (inFlight >= limit || waiting.isEmpty()) {
          return;
        }
        next = waiting.poll();
        inFlight++;
      } finally {
        lock.unlock();
      }
      if (!next.complete(null)) {
        lock.lock();
        try {
          inFlight--;
        } finally {
          lock.unlock();
        }
      }
    }
  }

  /**
   * Gives up a wait.
   *
   * @param grant the future {@link #acquire()} or {@link #refused()} returned
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
