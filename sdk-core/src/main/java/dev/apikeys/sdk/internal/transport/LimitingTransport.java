package dev.apikeys.sdk.internal.transport;

import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.internal.timer.SdkTimer;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Holds each exchange to the {@link RequestLimiter}: it starts when a slot is free and gives the
 * slot back when its response (or failure) is in. Waiting for a slot counts against the
 * attempt's timeout.
 */
public final class LimitingTransport implements HttpTransport {

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
    CompletableFuture<Void> grant = limiter.acquire();
    if (!grant.isDone()) {
      awaitSlot(grant, call);
    }
    try {
      return next.execute(call);
    } finally {
      limiter.release();
    }
  }

  private void awaitSlot(CompletableFuture<Void> grant, HttpCall call)
      throws IOException, InterruptedException {
    try {
      grant.get(call.attemptTimeout().toNanos(), TimeUnit.NANOSECONDS);
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

  @Override
  public CompletableFuture<HttpResult> send(HttpCall call) {
    CompletableFuture<Void> grant = limiter.acquire();
    if (grant.isDone()) {
      return sendHolding(call);
    }
    CompletableFuture<HttpResult> result = new CompletableFuture<>();
    SdkTimer.Timeout expiry = timer.schedule(
        System.nanoTime() + call.attemptTimeout().toNanos(), () -> {
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
      CompletableFuture<HttpResult> sent = sendHolding(call);
      Futures.forward(sent, result);
    });
    result.whenComplete((value, error) -> {
      if (result.isCancelled() && limiter.abandon(grant)) {
        expiry.cancel();
      }
    });
    return result;
  }

  private CompletableFuture<HttpResult> sendHolding(HttpCall call) {
    CompletableFuture<HttpResult> sent;
    try {
      sent = next.send(call);
    } catch (RuntimeException e) {
      limiter.release();
      throw e;
    }
    sent.whenComplete((value, error) -> limiter.release());
    return sent;
  }

  private HttpTimeoutException tooBusy(HttpCall call) {
    return new HttpTimeoutException(call.describe() + " waited " + call.attemptTimeout()
        + " for one of the client's " + limiter.maxInFlight() + " request slots;"
        + " raise maxConcurrentRequests or the timeout");
  }
}
