package dev.apikeys.sdk.internal.transport;

import dev.apikeys.sdk.internal.timer.SdkTimer;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Reads the body as bytes, but only until the attempt's deadline. The JDK's request timeout
 * stops counting once the headers arrive, so without this a server that sends headers and then
 * stalls would hold the call forever. On the deadline the body fails with
 * {@link HttpTimeoutException} and the subscription is cancelled, which closes the connection.
 *
 * <p>The deadline costs no task of its own: the body is entered in the {@link SdkTimer} when the
 * headers arrive and taken out when it completes.
 */
final class DeadlineBodyHandler implements HttpResponse.BodyHandler<byte[]> {

  private final long deadlineNanos;
  private final Duration timeout;
  private final SdkTimer timer;

  /**
   * Creates a handler for one attempt.
   *
   * @param timeout how long the whole attempt may take, from now
   * @param timer the timer that enforces it
   */
  DeadlineBodyHandler(Duration timeout, SdkTimer timer) {
    this.timeout = timeout;
    this.timer = timer;
    this.deadlineNanos = System.nanoTime() + timeout.toNanos();
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    return new DeadlineSubscriber(HttpResponse.BodySubscribers.ofByteArray());
  }

  /** Passes the body through, and fails it when the deadline comes first. */
  private final class DeadlineSubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final HttpResponse.BodySubscriber<byte[]> bytes;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final SdkTimer.Timeout expiry;
    private volatile Flow.@Nullable Subscription subscription;

    DeadlineSubscriber(HttpResponse.BodySubscriber<byte[]> bytes) {
      this.bytes = bytes;
      this.expiry = timer.schedule(deadlineNanos, this::expire);
      bytes.getBody().whenComplete((value, error) -> {
        expiry.cancel();
        if (error != null) {
          body.completeExceptionally(error);
        } else {
          body.complete(value);
        }
      });
    }

    private void expire() {
      if (body.completeExceptionally(
          new HttpTimeoutException("response body not received within " + timeout))) {
        Flow.Subscription current = subscription;
        if (current != null) {
          current.cancel();
        }
      }
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
