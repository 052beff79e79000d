package dev.apikeys.sdk.internal;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the body as bytes, but only until the attempt's deadline. The JDK's request timeout
 * stops counting once the headers arrive, so without this a server that sends headers and then
 * stalls would hold the call forever. On the deadline the body fails with
 * {@link HttpTimeoutException} and the subscription is cancelled, which closes the connection.
 */
final class TimedBodyHandler implements HttpResponse.BodyHandler<byte[]> {

  private final long deadlineNanos;
  private final Duration timeout;

  /**
   * Creates a handler for one attempt.
   *
   * @param timeout how long the whole attempt may take, from now
   */
  TimedBodyHandler(Duration timeout) {
    this.timeout = timeout;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    return new TimedSubscriber(HttpResponse.BodySubscribers.ofByteArray(),
        Math.max(0, deadlineNanos - System.nanoTime()));
  }

  /** Passes the body through, and fails it when the time left runs out first. */
  private final class TimedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final HttpResponse.BodySubscriber<byte[]> bytes;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    TimedSubscriber(HttpResponse.BodySubscriber<byte[]> bytes, long nanosLeft) {
      this.bytes = bytes;
      bytes.getBody().whenComplete((value, error) -> {
        if (error != null) {
          body.completeExceptionally(error);
        } else {
          body.complete(value);
        }
      });
      CompletableFuture<Void> timer = new CompletableFuture<Void>()
          .orTimeout(nanosLeft, TimeUnit.NANOSECONDS);
      timer.whenComplete((ignored, error) -> {
        if (error instanceof TimeoutException && body.completeExceptionally(
            new HttpTimeoutException("response body not received within " + timeout))) {
          Flow.Subscription current = subscription;
          if (current != null) {
            current.cancel();
          }
        }
      });
      body.whenComplete((ignored, error) -> timer.complete(null));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      bytes.onSubscribe(subscription);
      if (body.isDone()) {
        subscription.cancel();
      }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      bytes.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
      bytes.onError(throwable);
    }

    @Override
    public void onComplete() {
      bytes.onComplete();
    }
  }
}
