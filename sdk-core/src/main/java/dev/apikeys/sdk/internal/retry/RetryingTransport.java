package dev.apikeys.sdk.internal.retry;

import dev.apikeys.sdk.RetryPolicy;
import dev.apikeys.sdk.Sleeper;
import dev.apikeys.sdk.internal.call.Futures;
import dev.apikeys.sdk.internal.net.ConnectionFailure;
import dev.apikeys.sdk.internal.transport.HttpCall;
import dev.apikeys.sdk.internal.transport.HttpResult;
import dev.apikeys.sdk.internal.transport.HttpTransport;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Retries failed attempts as the {@link RetryPolicy} says, waiting with the {@link Sleeper}
 * (never blocking a thread), within the call's deadline; a network failure that no retry can
 * fix ({@link ConnectionFailure#isRetryable}) is not retried. Cancelling the returned future cancels
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
  public CompletableFuture<HttpResult> send(HttpCall call) {
    CompletableFuture<HttpResult> result = new CompletableFuture<>();
    AtomicReference<CompletableFuture<?>> pending = new AtomicReference<>();
    result.whenComplete((value, error) -> {
      CompletableFuture<?> step = pending.get();
      if (result.isCancelled() && step != null) {
        step.cancel(true);
      }
    });
    attempt(call, 1, result, pending);
    return result;
  }

  private void attempt(HttpCall call, int number, CompletableFuture<HttpResult> result,
      AtomicReference<CompletableFuture<?>> pending) {
    if (result.isDone()) {
      return;
    }
    HttpCall attempt;
    try {
      attempt = attemptOf(call, number);
    } catch (HttpTimeoutException e) {
      result.completeExceptionally(e);
      return;
    }
    try {
      CompletableFuture<HttpResult> sent = next.send(attempt);
      track(pending, sent, result);
      sent.whenComplete((response, error) -> {
        try {
          afterAttempt(call, number, response, Futures.unwrap(error), result, pending);
        } catch (RuntimeException | Error e) {
          result.completeExceptionally(e);
        }
      });
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  /** Completes the call, or schedules the next attempt after the wait. */
  private void afterAttempt(HttpCall call, int number, HttpResult response, Throwable error,
      CompletableFuture<HttpResult> result, AtomicReference<CompletableFuture<?>> pending) {
    Optional<Duration> wait = retryWait(call, number, response, error);
    if (wait.isEmpty()) {
      complete(result, response, error);
      return;
    }
    CompletableFuture<Void> sleep = sleeper.sleep(wait.get());
    track(pending, sleep, result);
    sleep.whenComplete((ignored, sleepError) -> {
      if (sleepError != null) {
        result.completeExceptionally(sleepError);
      } else {
        attempt(call, number + 1, result, pending);
      }
    });
  }

  /**
   * Sends the call on the calling thread, retrying as the policy says; waits block this thread
   * on the {@link Sleeper}'s future, so an interrupt ends them at once.
   */
  @Override
  public HttpResult execute(HttpCall call) throws IOException, InterruptedException {
    for (int number = 1; ; number++) {
      HttpResult response = null;
      IOException error = null;
      try {
        response = next.execute(attemptOf(call, number));
      } catch (IOException e) {
        error = e;
      }
      Optional<Duration> wait = retryWait(call, number, response, error);
      if (wait.isEmpty()) {
        if (error != null) {
          throw error;
        }
        return response;
      }
      await(sleeper.sleep(wait.get()));
    }
  }

  private static void await(CompletableFuture<Void> sleep)
      throws IOException, InterruptedException {
    try {
      sleep.get();
    } catch (InterruptedException e) {
      sleep.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      throw new IOException("the wait before a retry failed", e.getCause());
    }
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

  private static void track(AtomicReference<CompletableFuture<?>> pending,
      CompletableFuture<?> step, CompletableFuture<HttpResult> result) {
    pending.set(step);
    if (result.isCancelled()) {
      step.cancel(true);
    }
  }

  private static void complete(CompletableFuture<HttpResult> result, HttpResult response,
      Throwable error) {
    if (error != null) {
      result.completeExceptionally(error);
    } else {
      result.complete(response);
    }
  }
}
