package dev.apikeys.sdk.models;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Reads the one date-time form the API documents, {@code 2024-01-15T10:30:00[.123456]Z} or with
 * an offset {@code +05:30}, straight from its characters. {@link FieldChecks#parseDateTime} takes
 * this path first: the JDK's formatter, with the optional parts servers need, allocates a map
 * per optional part and per date (about 1 kB), which on a page of 1000 keys was half of all
 * that decoding allocated. Anything else returns null, and the formatter decides.
 */
final class Rfc3339 {

  private static final int[] POWERS = {
      100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

  private Rfc3339() {
  }

  /**
   * Returns the date-time, or null when the text is not exactly of the documented form or is
   * not a real date-time (2030-02-30, 24:00).
   */
  static @Nullable OffsetDateTime parseOrNull(String text) {
    int length = text.length();
    if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-'
        || (text.charAt(10) != 'T' && text.charAt(10) != 't') || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int at = 19;
    int nanos = 0;
    if (text.charAt(at) == '.') {
      int start = ++at;
      while (at < length && at - start < 9 && isDigit(text.charAt(at))) {
        nanos += (text.charAt(at) - '0') * POWERS[at - start];
        at++;
      }
      if (at == start || at == length || isDigit(text.charAt(at))) {
        return null;
      }
    }
    ZoneOffset offset = offset(text, at);
    if (offset == null) {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Reads {@code Z} or {@code +HH:MM} as the text's end; null otherwise. */
  private static @Nullable ZoneOffset offset(String text, int at) {
    int left = text.length() - at;
    char sign = text.charAt(at);
    if (left == 1 && (sign == 'Z' || sign == 'z')) {
      return ZoneOffset.UTC;
    }
    if (left != 6 || (sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
      return null;
    }
    int hours = digits(text, at + 1, 2);
    int minutes = digits(text, at + 4, 2);
    if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
      return null;
    }
    int seconds = hours * 3600 + minutes * 60;
    try {
      return ZoneOffset.ofTotalSeconds(sign == '-' ? -seconds : seconds);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Returns the number written by {@code count} digits at {@code from}, or -1. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
