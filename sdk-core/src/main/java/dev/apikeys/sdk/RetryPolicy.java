package dev.apikeys.sdk;

import dev.apikeys.sdk.internal.checks.Arguments;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * When and how long to wait before a failed attempt is tried again. Immutable and thread-safe.
 *
 * <p>Retried: connection failures (refused, reset, unexpected end of stream), timeouts, and the
 * statuses 408, 409, 429, 500, 502, 503 and 504. Never retried: other 4xx, 501, 505, bad
 * arguments, a success whose body cannot be read, and the network failures that a retry cannot
 * fix: an unknown host, a certificate that is not trusted, an {@code https://} server that does
 * not speak TLS, a failed TLS handshake. The wait before retry {@code n} is
 * {@code initialBackoff * 2^(n-1)}, capped at {@code maxBackoff}, less a random part of up to
 * {@code jitter} of it; a {@code Retry-After} (seconds or HTTP-date) or {@code retry-after-ms}
 * header from the server replaces it. A server wait beyond {@code maxRetryAfter} is not waited
 * for: the call fails at once with the error the server sent.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *     .maxRetries(4)
 *     .initialBackoff(Duration.ofMillis(200))
 *     .build();
 * }</pre>
 */
public final class RetryPolicy {

  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double jitter;
  private final Duration maxRetryAfter;
  private final @Nullable RandomGenerator random;

  private RetryPolicy(Builder builder) {
    this.maxRetries = builder.maxRetries;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.jitter = builder.jitter;
    this.maxRetryAfter = builder.maxRetryAfter;
    this.random = builder.random;
  }

  /**
   * Returns the default policy: 2 retries, 0.5 s doubling to 8 s, 25% jitter, 60 s cap.
   *
   * @return the default policy: 2 retries, 0.5 s doubling to 8 s, 25% jitter, 60 s cap
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder with every default set.
   *
   * @return a builder with every default set
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this policy's settings.
   *
   * @return a builder holding this policy's settings
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns how many times a failed attempt may be retried; 0 disables retries.
   *
   * @return how many times a failed attempt may be retried; 0 disables retries
   */
  public int maxRetries() {
    return maxRetries;
  }

  /**
   * Returns the longest server-requested wait that is honoured.
   *
   * @return the longest server-requested wait that is honoured
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * Returns whether a response with this status may be retried.
   *
   * @param status an HTTP status
   * @return true for 408, 409, 429, 500, 502, 503 and 504
   */
  public boolean isRetryableStatus(int status) {
    switch (status) {
      case 408, 409, 429, 500, 502, 503, 504:
        return true;
      default:
        return false;
    }
  }

  /**
   * Returns the wait before retry number {@code retry} when the server named none.
   *
   * @param retry the retry number, from 1
   * @return the exponential backoff for that retry, less its random jitter
   */
  public Duration backoff(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be at least 1, was " + retry);
    }
    long base = initialBackoff.toNanos();
    long cap = maxBackoff.toNanos();
    int doublings = retry - 1;
    long exponential = doublings >= Long.numberOfLeadingZeros(base) - 1
        ? cap : Math.min(cap, base << doublings);
    RandomGenerator generator = random == null ? ThreadLocalRandom.current() : random;
    double factor = 1.0 - jitter * generator.nextDouble();
    return Duration.ofNanos((long) (exponential * factor));
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter
        + ", maxRetryAfter=" + maxRetryAfter + '}';
  }

  /** Builds a {@link RetryPolicy}. Not thread-safe. */
  public static final class Builder {
    private int maxRetries = 2;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(8);
    private double jitter = 0.25;
    private Duration maxRetryAfter = Duration.ofSeconds(60);
    private @Nullable RandomGenerator random;

    private Builder() {
    }

    private Builder(RetryPolicy policy) {
      this.maxRetries = policy.maxRetries;
      this.initialBackoff = policy.initialBackoff;
      this.maxBackoff = policy.maxBackoff;
      this.jitter = policy.jitter;
      this.maxRetryAfter = policy.maxRetryAfter;
      this.random = policy.random;
    }

    /**
     * Sets how many times a failed attempt may be retried. Default 2; 0 disables retries.
     *
     * @param maxRetries from 0 to 100
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 100) {
        throw new IllegalArgumentException(
            "maxRetries must be between 0 and 100, was " + maxRetries);
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the wait before the first retry. Default 0.5 s.
     *
     * @param initialBackoff positive, at most a day
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Arguments.requirePositive(initialBackoff, "initialBackoff");
      return this;
    }

    /**
     * Sets the longest wait between attempts when the server names none. Default 8 s.
     *
     * @param maxBackoff positive, at most a day
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Arguments.requirePositive(maxBackoff, "maxBackoff");
      return this;
    }

    /**
     * Sets the random part taken off each wait, as a fraction. Default 0.25.
     *
     * @param jitter from 0.0 (none) to 1.0
     * @return this builder
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException("jitter must be between 0.0 and 1.0, was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} that is waited for. Default 60 s; a longer one fails
     * the call at once with {@link dev.apikeys.sdk.errors.RateLimitException}.
     *
     * @param maxRetryAfter zero or positive, at most a day
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = Arguments.requireNonNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * Sets the source of jitter. Default: {@link ThreadLocalRandom}. Tests pass a seeded or
     * fixed generator; it must be thread-safe if the client is shared.
     *
     * @param random the generator
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random must not be null");
      return this;
    }

    /**
     * Returns the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException if initialBackoff exceeds maxBackoff
     */
    public RetryPolicy build() {
      if (initialBackoff.compareTo(maxBackoff) > 0) {
        throw new IllegalArgumentException("initialBackoff (" + initialBackoff
            + ") must not exceed maxBackoff (" + maxBackoff + ")");
      }
      return new RetryPolicy(this);
    }
  }
}
