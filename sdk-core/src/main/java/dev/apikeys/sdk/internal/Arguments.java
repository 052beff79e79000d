package dev.apikeys.sdk.internal;

import java.time.Duration;
import java.util.Objects;

/** Argument checks whose messages name the field and what it allows. */
public final class Arguments {

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
   * Checks that a duration is positive.
   *
   * @param value the duration
   * @param field its name, for the message
   * @return the duration
   * @throws NullPointerException if null
   * @throws IllegalArgumentException if zero or negative
   */
  public static Duration requirePositive(Duration value, String field) {
    Objects.requireNonNull(value, field + " must not be null");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, was " + value);
    }
    return value;
  }
}
