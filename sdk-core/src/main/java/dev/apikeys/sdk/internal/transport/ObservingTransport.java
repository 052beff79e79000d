package dev.apikeys.sdk.internal.transport;

import dev.apikeys.sdk.internal.call.Futures;
import java.io.IOException;
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
  public HttpResult execute(HttpCall call) throws IOException, InterruptedException {
    if (call.observer() == null) {
      return next.execute(call);
    }
    CallObserver.Attempt attempt = call.observer().beginAttempt(call);
    HttpResult result;
    try {
      result = next.execute(attempt.toSend());
    } catch (IOException | InterruptedException | RuntimeException e) {
      attempt.end(null, e);
      throw e;
    }
    attempt.end(result, null);
    return result;
  }

  @Override
  public CompletableFuture<HttpResult> send(HttpCall call) {
    if (call.observer() == null) {
      return next.send(call);
    }
    CallObserver.Attempt attempt = call.observer().beginAttempt(call);
    CompletableFuture<HttpResult> sent = next.send(attempt.toSend());
    CompletableFuture<HttpResult> result = new CompletableFuture<>();
    sent.whenComplete((response, error) -> {
      attempt.end(response, error == null ? null : Futures.unwrap(error));
      if (error != null) {
        result.completeExceptionally(Futures.unwrap(error));
      } else {
        result.complete(response);
      }
    });
    Futures.cancelWith(result, sent);
    return result;
  }
}
