package dev.apikeys.sdk.internal.checks;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Argument checks whose messages name the field and what it allows. */
public final class Arguments {

  /**
   * The longest duration any setting takes: a day. Longer ones would overflow the JDK's
   * millisecond and nanosecond arithmetic at call time.
   */
  public static final Duration MAX_DURATION = Duration.ofDays(1);

  private Arguments() {
  }

  /**
   * Checks that a text is neither null nor blank.
   *
   * @param value the text
   * @param field its name, for the message
   * @return the text
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if empty or only white space
   */
  public static String requireNonBlank(String value, String field) {
    Objects.requireNonNull(value, field + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  /**
   * Checks that a text is well-formed UTF-16: no lone surrogate, which would be sent as
   * {@code ?} and so could name another key.
   *
   * @param value the text, or null (passed through)
   * @param field its name, for the message
   * @return the text
   * @throws IllegalArgumentException if it holds a lone surrogate
   */
  public static @Nullable String requireWellFormed(@Nullable String value,
      String field) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(field + " must be well-formed Unicode text, but has a"
            + " lone surrogate (U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
            + ") at index " + i + "; it cannot be sent as it is");
      }
    }
    return value;
  }

  /**
   * Checks that a duration is positive and at most {@link #MAX_DURATION}.
   *
   * @param value the duration
   * @param field its name, for the message
   * @return the duration
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if zero, negative or longer than a day
   */
  public static Duration requirePositive(Duration value, String field) {
    Objects.requireNonNull(value, field + " must not be null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
    return requireAtMostADay(value, field);
  }

  /**
   * Checks that a duration is zero or positive and at most {@link #MAX_DURATION}.
   *
   * @param value the duration
   * @param field its name, for the message
   * @return the duration
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if negative or longer than a day
   */
  public static Duration requireNonNegative(Duration value, String field) {
    Objects.requireNonNull(value, field + " must not be null");
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, was " + value);
    }
    return requireAtMostADay(value, field);
  }

  private static Duration requireAtMostADay(Duration value, String field) {
    if (value.compareTo(MAX_DURATION) > 0) {
      throw new IllegalArgumentException(field + " must be at most " + MAX_DURATION + ", was "
          + value);
    }
    return value;
  }
}
