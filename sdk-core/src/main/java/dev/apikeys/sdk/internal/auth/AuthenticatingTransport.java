package dev.apikeys.sdk.internal.auth;

import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.internal.transport.Driver;
import dev.apikeys.sdk.internal.transport.HttpCall;
import dev.apikeys.sdk.internal.transport.HttpResult;
import dev.apikeys.sdk.internal.transport.HttpTransport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

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
  public CompletableFuture<HttpResult> send(HttpCall call, Driver driver) {
    String token;
    try {
      token = credentials.token();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return Futures.then(next.send(signed(call, token), driver), (response, error) -> {
      if (error != null || response.status() != UNAUTHORIZED) {
        return Futures.settled(response, error);
      }
      // A copy: cancelling the call must not cancel a renewal that other calls may wait for.
      return Futures.then(driver.await(credentials.renew(token).copy()),
          (renewed, renewError) -> {
            if (renewError != null) {
              return CompletableFuture.failedFuture(renewError);
            }
            HttpCall repeat = repeatOf(call, token, renewed);
            return repeat == null ? CompletableFuture.completedFuture(response)
                : next.send(signed(repeat, renewed), driver);
          });
    });
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
  private @Nullable HttpCall repeatOf(HttpCall call, String token, String renewed) {
    if (renewed.equals(token)) {
      return null;
    }
    Instant deadline = call.deadline();
    if (deadline == null) {
      return call;
    }
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.isNegative() || left.isZero()) {
      return null;
    }
    return call.forAttempt(call.attempt(),
        left.compareTo(call.attemptTimeout()) < 0 ? left : call.attemptTimeout());
  }
}
