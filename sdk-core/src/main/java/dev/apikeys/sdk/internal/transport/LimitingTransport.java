package dev.apikeys.sdk.internal.transport;

import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.internal.timer.SdkTimer;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Holds each exchange to the {@link RequestLimiter}: it starts when a slot is free and gives the
 * slot back when its response (or failure) is in. Waiting for a slot counts against the
 * attempt's timeout: the exchange gets what the wait left of it.
 *
 * <p>An HTTP/2 connection that has no stream left (the JDK fails the exchange with "too many
 * concurrent streams" before sending anything) lowers the limiter's limit and puts the exchange
 * back first in line: no backoff, not a retry, whatever the method, since nothing was sent.
 * When nothing else of the limiter is in flight (another client holds the streams), it is sent
 * again after {@link #REFUSED_PAUSE}, so that it does not spin.
 */
public final class LimitingTransport implements HttpTransport {

  /** How long a refused exchange waits when its limiter has nothing else in flight. */
  static final Duration REFUSED_PAUSE = Duration.ofMillis(5);

  private static final String NO_STREAM_LEFT = "too many concurrent streams";

  private final HttpTransport next;
  private final RequestLimiter limiter;
  private final SdkTimer timer;

  /**
   * Creates the layer.
   *
   * @param next the layer that sends the exchange
   * @param limiter the slots
   * @param timer what bounds the wait of an async call
   */
  public LimitingTransport(HttpTransport next, RequestLimiter limiter, SdkTimer timer) {
    this.next = next;
    this.limiter = limiter;
    this.timer = timer;
  }

  @Override
  public CompletableFuture<HttpResult> send(HttpCall call, Driver driver) {
    long deadline = System.nanoTime() + call.attemptTimeout().toNanos();
    CompletableFuture<Void> grant = limiter.acquire();
    return rounds(grant.isDone() ? sendHolding(call, driver)
        : afterSlot(grant, call, deadline, driver), call, deadline, driver);
  }

  /**
   * Follows a round (a wait for a slot, then the exchange) with another as long as the
   * connection refuses the stream; in a loop while the rounds complete at once (the blocking
   * driver), so that refusals for the whole timeout do not grow the stack.
   */
  private CompletableFuture<HttpResult> rounds(CompletableFuture<HttpResult> first,
      HttpCall call, long deadline, Driver driver) {
    CompletableFuture<HttpResult> round = first;
    while (round.isDone()) {
      if (!round.isCompletedExceptionally()) {
        return round;
      }
      Refused refused = refusal(round);
      if (refused == null) {
        return round;
      }
      round = afterSlot(refused.grant, call, deadline, driver);
    }
    return Futures.then(round, (result, error) -> error instanceof Refused
        ? rounds(afterSlot(((Refused) error).grant, call, deadline, driver), call, deadline,
            driver)
        : Futures.settled(result, error));
  }

  private static @Nullable Refused refusal(CompletableFuture<HttpResult> round) {
    try {
      round.join();
      return null;
    } catch (CompletionException e) {
      return e.getCause() instanceof Refused ? (Refused) e.getCause() : null;
    } catch (CancellationException e) {
      return null;
    }
  }

  /** Sends the call once the slot is granted, or fails it when the deadline comes first. */
  private CompletableFuture<HttpResult> afterSlot(CompletableFuture<Void> grant, HttpCall call,
      long deadline, Driver driver) {
    CompletableFuture<Void> slot = slotOf(grant, call, deadline);
    return Futures.then(driver.await(slot), (ignored, error) -> {
      if (error != null) {
        if (slot.isDone() && !slot.isCompletedExceptionally()) {
          limiter.release(); // granted as the blocking wait was interrupted
        }
        return CompletableFuture.failedFuture(error);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        HttpTimeoutException tooBusy = tooBusy(call); // before the release raises the limit
        limiter.release();
        return CompletableFuture.failedFuture(tooBusy);
      }
      return sendHolding(call.forAttempt(call.attempt(), Duration.ofNanos(left)), driver);
    });
  }

  /**
   * Returns the wait for the grant: completes when it is granted, holding the slot, or fails
   * when the deadline comes first. Cancelling it gives the slot up, or back once granted.
   */
  private CompletableFuture<Void> slotOf(CompletableFuture<Void> grant, HttpCall call,
      long deadline) {
    CompletableFuture<Void> slot = new CompletableFuture<>();
    SdkTimer.Timeout expiry = timer.schedule(deadline, () -> {
      if (limiter.abandon(grant)) {
        slot.completeExceptionally(tooBusy(call));
      }
    });
    grant.thenRun(() -> {
      expiry.cancel();
      if (!slot.complete(null)) {
        limiter.release();
      }
    });
    slot.whenComplete((value, error) -> {
      if (slot.isCancelled() && limiter.abandon(grant)) {
        expiry.cancel();
      }
    });
    return slot;
  }

  /**
   * Sends while holding a slot, and gives it back when the exchange ends; a refused stream
   * gives it back to the limiter's queue instead and fails the round with {@link Refused}.
   */
  private CompletableFuture<HttpResult> sendHolding(HttpCall attempt, Driver driver) {
    return Futures.then(next.send(attempt, driver), (result, error) -> {
      if (error != null && isRefusedStream(error)) {
        return CompletableFuture.failedFuture(new Refused(pausedWhenAlone(limiter.refused())));
      }
      limiter.release();
      return Futures.settled(result, error);
    });
  }

  /**
   * A grant that is already complete means nothing else of this limiter is in flight: the
   * streams are held elsewhere, so the grant comes after a short pause instead. The slot is held
   * during the pause and the limiter does not know the paused future, so {@link
   * RequestLimiter#abandon} answers false for it and whoever gives up the wait releases the slot,
   * as for any granted slot.
   */
  private CompletableFuture<Void> pausedWhenAlone(CompletableFuture<Void> grant) {
    if (!grant.isDone()) {
      return grant;
    }
    CompletableFuture<Void> paused = new CompletableFuture<>();
    timer.schedule(System.nanoTime() + REFUSED_PAUSE.toNanos(), () -> paused.complete(null));
    return paused;
  }

  /** Whether the JDK refused the exchange for want of an HTTP/2 stream, before sending it. */
  private static boolean isRefusedStream(Throwable error) {
    Throwable cause = error;
    for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
      if (cause instanceof IOException && NO_STREAM_LEFT.equals(cause.getMessage())) {
        return true;
      }
    }
    return false;
  }

  private HttpTimeoutException tooBusy(HttpCall call) {
    int limit = limiter.limit();
    if (limit < limiter.maxInFlight()) {
      return new HttpTimeoutException(call.describe() + " waited " + call.attemptTimeout()
          + " for a request slot: the server's HTTP/2 connection refused streams, so the"
          + " client's " + limiter.maxInFlight() + " slots (maxConcurrentRequests) are down to "
          + limit + "; send fewer requests at once or raise the timeout");
    }
    return new HttpTimeoutException(call.describe() + " waited " + call.attemptTimeout()
        + " for one of the client's " + limit + " request slots;"
        + " raise maxConcurrentRequests or the timeout");
  }

  /** A round that ended with a refused stream, and the grant the next round waits for. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient CompletableFuture<Void> grant;

    Refused(CompletableFuture<Void> grant) {
      super(null, null, false, false);
      this.grant = grant;
    }
  }
}
