package dev.apikeys.sdk.internal.transport;

import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.internal.timer.SdkTimer;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
  public HttpResult execute(HttpCall call) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + call.attemptTimeout().toNanos();
    CompletableFuture<Void> grant = limiter.acquire();
    boolean waited = false;
    while (true) {
      if (!grant.isDone()) {
        awaitSlot(grant, call, deadline);
        waited = true;
      }
      // Outside the try: a wait that used up the timeout has already given the slot back.
      HttpCall attempt = waited ? timeLeft(call, deadline) : call;
      HttpResult result;
      try {
        result = next.execute(attempt);
      } catch (IOException e) {
        if (!isRefusedStream(e)) {
          limiter.release();
          throw e;
        }
        grant = pausedWhenAlone(limiter.refused());
        waited = true;
        continue;
      } catch (InterruptedException | RuntimeException | Error e) {
        limiter.release();
        throw e;
      }
      limiter.release();
      return result;
    }
  }

  private void awaitSlot(CompletableFuture<Void> grant, HttpCall call, long deadline)
      throws IOException, InterruptedException {
    try {
      grant.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      if (limiter.abandon(grant)) {
        throw tooBusy(call);
      }
    } catch (InterruptedException e) {
      if (!limiter.abandon(grant)) {
        limiter.release();
      }
      throw e;
    } catch (ExecutionException e) {
      throw new IOException("waiting for a request slot failed", e.getCause());
    }
  }

  /** The call with what the wait for a slot left of its timeout; fails when nothing is left. */
  private HttpCall timeLeft(HttpCall call, long deadline) throws HttpTimeoutException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      HttpTimeoutException tooBusy = tooBusy(call);
      limiter.release();
      throw tooBusy;
    }
    return call.forAttempt(call.attempt(), Duration.ofNanos(left));
  }

  @Override
  public CompletableFuture<HttpResult> send(HttpCall call) {
    long deadline = System.nanoTime() + call.attemptTimeout().toNanos();
    CompletableFuture<HttpResult> result = new CompletableFuture<>();
    CompletableFuture<Void> grant = limiter.acquire();
    if (grant.isDone()) {
      sendHolding(call, call, deadline, result);
    } else {
      whenGranted(grant, call, deadline, result);
    }
    return result;
  }

  /** Sends the call once the slot is granted, or fails it when the deadline comes first. */
  private void whenGranted(CompletableFuture<Void> grant, HttpCall call, long deadline,
      CompletableFuture<HttpResult> result) {
    SdkTimer.Timeout expiry = timer.schedule(deadline, () -> {
      if (limiter.abandon(grant)) {
        result.completeExceptionally(tooBusy(call));
      }
    });
    grant.thenRun(() -> {
      expiry.cancel();
      if (result.isDone()) {
        limiter.release();
        return;
      }
      HttpCall left;
      try {
        left = timeLeft(call, deadline);
      } catch (HttpTimeoutException e) {
        result.completeExceptionally(e);
        return;
      }
      sendHolding(call, left, deadline, result);
    });
    result.whenComplete((value, error) -> {
      if (result.isCancelled() && limiter.abandon(grant)) {
        expiry.cancel();
      }
    });
  }

  private void sendHolding(HttpCall call, HttpCall attempt, long deadline,
      CompletableFuture<HttpResult> result) {
    CompletableFuture<HttpResult> sent;
    try {
      sent = next.send(attempt);
    } catch (RuntimeException e) {
      limiter.release();
      result.completeExceptionally(e);
      return;
    }
    sent.whenComplete((value, error) -> {
      if (error != null && isRefusedStream(error) && !result.isDone()) {
        whenGranted(pausedWhenAlone(limiter.refused()), call, deadline, result);
        return;
      }
      limiter.release();
      if (error != null) {
        result.completeExceptionally(Futures.unwrap(error));
      } else {
        result.complete(value);
      }
    });
    Futures.cancelWith(result, sent);
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
}
