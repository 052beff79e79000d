package dev.apikeys.sdk.internal.transport;

import dev.apikeys.sdk.internal.call.Futures;
import java.util.concurrent.CompletableFuture;

/**
 * Tells a call's {@link CallObserver} about each attempt: the interceptors' attempt hooks. A
 * call without an observer passes straight through.
 */
public final class ObservingTransport implements HttpTransport {

  private final HttpTransport next;

  /**
   * Creates the layer.
   *
   * @param next the layer that sends the attempt
   */
  public ObservingTransport(HttpTransport next) {
    this.next = next;
  }

  @Override
  public CompletableFuture<HttpResult> send(HttpCall call, Driver driver) {
    if (call.observer() == null) {
      return next.send(call, driver);
    }
    CallObserver.Attempt attempt;
    try {
      attempt = call.observer().beginAttempt(call);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return Futures.then(next.send(attempt.toSend(), driver), (result, error) -> {
      attempt.end(result, error);
      return Futures.settled(result, error);
    });
  }
}
