package dev.apikeys.sdk.internal.retry;

import dev.apikeys.sdk.RetryPolicy;
import dev.apikeys.sdk.Sleeper;
import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.internal.net.ConnectionFailure;
import dev.apikeys.sdk.internal.transport.Driver;
import dev.apikeys.sdk.internal.transport.HttpCall;
import dev.apikeys.sdk.internal.transport.HttpResult;
import dev.apikeys.sdk.internal.transport.HttpTransport;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Retries failed attempts as the {@link RetryPolicy} says, waiting with the {@link Sleeper}
 * through the call's {@link Driver} (which blocks only a blocking caller, and ends the wait at
 * once on an interrupt), within the call's deadline; a network failure that no retry can
 * fix ({@link ConnectionFailure#isRetryable}) is not retried. Cancelling an async call cancels
 * the attempt or wait under way and starts no other.
 */
public final class RetryingTransport implements HttpTransport {

  private final HttpTransport next;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;

  /**
   * Creates the layer.
   *
   * @param next the layer that sends one attempt
   * @param policy which failures to retry and how long to wait
   * @param sleeper how to wait
   * @param clock what deadlines and HTTP-dates are measured against
   */
  public RetryingTransport(HttpTransport next, RetryPolicy policy, Sleeper sleeper,
      Clock clock) {
    this.next = next;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<HttpResult> send(HttpCall call, Driver driver) {
    return attempt(call, 1, driver);
  }

  /** Sends attempt {@code number}, and the next one after the wait when it is to be retried. */
  private CompletableFuture<HttpResult> attempt(HttpCall call, int number, Driver driver) {
    HttpCall attempt;
    try {
      attempt = attemptOf(call, number);
    } catch (HttpTimeoutException e) {
      return CompletableFuture.failedFuture(e);
    }
    return Futures.then(next.send(attempt, driver), (response, error) -> {
      Optional<Duration> wait = retryWait(call, number, response, error);
      if (wait.isEmpty()) {
        return Futures.settled(response, error);
      }
      return Futures.then(driver.await(sleeper.sleep(wait.get())), (ignored, sleepError) ->
          sleepError != null ? CompletableFuture.failedFuture(sleepError)
              : attempt(call, number + 1, driver));
    });
  }

  /** Returns attempt {@code number} of the call, its timeout cut to what the deadline leaves. */
  private HttpCall attemptOf(HttpCall call, int number) throws HttpTimeoutException {
    Optional<Duration> remaining = remaining(call);
    if (remaining.isPresent() && remaining.get().isZero()) {
      throw new HttpTimeoutException("deadline reached before attempt " + number + " of "
          + call.describe());
    }
    Duration timeout = remaining.filter(r -> r.compareTo(call.attemptTimeout()) < 0)
        .orElse(call.attemptTimeout());
    return call.forAttempt(number, timeout);
  }

  private Optional<Duration> retryWait(HttpCall call, int number, HttpResult response,
      Throwable error) {
    if (number > call.maxRetries()) {
      return Optional.empty();
    }
    Duration wait;
    if (error != null) {
      if (!(error instanceof IOException) || !ConnectionFailure.isRetryable(error)) {
        return Optional.empty();
      }
      wait = policy.backoff(number);
    } else {
      if (!policy.isRetryableStatus(response.status())) {
        return Optional.empty();
      }
      Optional<Duration> asked = RetryAfter.of(response, clock);
      if (asked.isPresent() && asked.get().compareTo(policy.maxRetryAfter()) > 0) {
        return Optional.empty();
      }
      wait = asked.orElseGet(() -> policy.backoff(number));
    }
    Optional<Duration> remaining = remaining(call);
    if (remaining.isPresent() && wait.compareTo(remaining.get()) >= 0) {
      return Optional.empty();
    }
    return Optional.of(wait);
  }

  private Optional<Duration> remaining(HttpCall call) {
    if (call.deadline() == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(clock.instant(), call.deadline());
    return Optional.of(left.isNegative() ? Duration.ZERO : left);
  }
}
