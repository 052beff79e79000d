package dev.apikeys.sdk.internal.retry;

import dev.apikeys.sdk.internal.transport.HttpResult;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads the wait a server asks for: {@code retry-after-ms}, or {@code Retry-After}. */
public final class RetryAfter {

  private RetryAfter() {
  }

  /**
   * Returns the wait the response asks for, if it names one that can be read.
   *
   * @param result the response
   * @param clock the clock that an HTTP-date is measured against
   * @return the wait, never negative
   */
  public static Optional<Duration> of(HttpResult result, Clock clock) {
    Optional<Duration> millis = result.header("retry-after-ms").flatMap(RetryAfter::millis);
    if (millis.isPresent()) {
      return millis;
    }
    return result.header("retry-after").flatMap(value -> seconds(value)
        .or(() -> httpDate(value, clock)));
  }

  private static Optional<Duration> millis(String value) {
    try {
      double ms = Double.parseDouble(value.trim());
      // Past 292 years (1e400 reads as Infinity) the cast saturates: longer than any cap.
      return ms >= 0 ? Optional.of(Duration.ofNanos((long) (ms * 1_000_000)))
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> seconds(String value) {
    String digits = value.trim();
    if (!digits.matches("\\d+")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(digits)));
    } catch (NumberFormatException | ArithmeticException e) {
      // More seconds than a long holds: longer than any wait the policy allows.
      return Optional.of(Duration.ofSeconds(Long.MAX_VALUE));
    }
  }

  private static Optional<Duration> httpDate(String value, Clock clock) {
    try {
      ZonedDateTime when = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration wait = Duration.between(clock.instant(), when.toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
