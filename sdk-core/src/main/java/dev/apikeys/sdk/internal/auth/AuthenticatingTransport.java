package dev.apikeys.sdk.internal.auth;

import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.internal.transport.HttpCall;
import dev.apikeys.sdk.internal.transport.HttpResult;
import dev.apikeys.sdk.internal.transport.HttpTransport;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Sends each attempt with the token the {@link Credentials} give for it, and on a 401 renews the
 * token and repeats the attempt once when it changed: the one place where the
 * {@code Authorization} header is made. Sits inside the retry layer, so that every retry asks for
 * the token again and the repeat is no retry, and outside the attempt hooks, so that
 * interceptors see the repeat as an attempt (with the same number: it is no retry).
 */
public final class AuthenticatingTransport implements HttpTransport {

  private static final int UNAUTHORIZED = 401;

  private final HttpTransport next;
  private final Credentials credentials;
  private final Clock clock;

  /**
   * Creates the layer.
   *
   * @param next the layer that sends one attempt
   * @param credentials where the token comes from
   * @param clock what the call's deadline is measured against
   */
  public AuthenticatingTransport(HttpTransport next, Credentials credentials, Clock clock) {
    this.next = next;
    this.credentials = credentials;
    this.clock = clock;
  }

  @Override
  public HttpResult execute(HttpCall call) throws IOException, InterruptedException {
    String token = credentials.token();
    HttpResult result = next.execute(signed(call, token));
    if (result.status() != UNAUTHORIZED) {
      return result;
    }
    String renewed = await(credentials.renew(token));
    HttpCall repeat = repeatOf(call, token, renewed);
    return repeat == null ? result : next.execute(signed(repeat, renewed));
  }

  @Override
  public CompletableFuture<HttpResult> send(HttpCall call) {
    String token;
    CompletableFuture<HttpResult> first;
    try {
      token = credentials.token();
      first = next.send(signed(call, token));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletableFuture<HttpResult> result = new CompletableFuture<>();
    Futures.cancelWith(result, first);
    first.whenComplete((response, error) -> {
      if (error != null) {
        result.completeExceptionally(Futures.unwrap(error));
      } else if (response.status() != UNAUTHORIZED) {
        result.complete(response);
      } else {
        // Not cancelled with the call: other calls may be waiting for the same renewal.
        credentials.renew(token).whenComplete((renewed, renewError) ->
            repeatAsync(call, token, response, renewed, renewError, result));
      }
    });
    return result;
  }

  private void repeatAsync(HttpCall call, String token, HttpResult rejected, String renewed,
      Throwable renewError, CompletableFuture<HttpResult> result) {
    if (renewError != null) {
      result.completeExceptionally(Futures.unwrap(renewError));
      return;
    }
    try {
      HttpCall repeat = repeatOf(call, token, renewed);
      if (repeat == null || result.isDone()) {
        result.complete(rejected);
        return;
      }
      Futures.forward(next.send(signed(repeat, renewed)), result);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  /** Puts the token on the attempt and records it, so that an echo of it is masked. */
  private HttpCall signed(HttpCall call, String token) {
    call.sentToken().set(credentials.redactorOf(token));
    return call.withHeaders(Map.of("Authorization", "Bearer " + token));
  }

  /**
   * Returns the attempt to repeat with the renewed token, or null when there is none to make:
   * the token did not change, or the call's deadline has passed (the 401 then ends the call).
   */
  private HttpCall repeatOf(HttpCall call, String token, String renewed) {
    if (renewed.equals(token)) {
      return null;
    }
    if (call.deadline() == null) {
      return call;
    }
    Duration left = Duration.between(clock.instant(), call.deadline());
    if (left.isNegative() || left.isZero()) {
      return null;
    }
    return call.forAttempt(call.attempt(),
        left.compareTo(call.attemptTimeout()) < 0 ? left : call.attemptTimeout());
  }

  private static String await(CompletableFuture<String> renewal) throws InterruptedException {
    try {
      return renewal.get();
    } catch (ExecutionException e) {
      Throwable cause = Futures.unwrap(e);
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException("the token renewal failed", cause);
    }
  }
}
