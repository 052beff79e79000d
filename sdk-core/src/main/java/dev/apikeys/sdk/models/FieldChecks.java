package dev.apikeys.sdk.models;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** The checks and conversions that the generated models share. */
final class FieldChecks {

  /** What {@code toString()} shows in place of a secret. */
  static final String MASK = "****";

  private FieldChecks() {
  }

  static void requirePresent(Object value, String field) {
    if (value == null) {
      throw new NullPointerException(field + " is required but was not set");
    }
  }

  static void requireMinLength(String value, int minLength, String field) {
    if (value != null && value.length() < minLength) {
      throw new IllegalArgumentException(
          field + " must have at least " + minLength + " character(s); was: '" + value + "'");
    }
  }

  /** Copies a collection into an unmodifiable list, naming the index of a null element. */
  static <T> List<T> copyList(Collection<? extends T> values, String field) {
    Objects.requireNonNull(values, field + " must not be null");
    List<T> copy = new ArrayList<>(values.size());
    for (T value : values) {
      if (value == null) {
        throw new NullPointerException(field + "[" + copy.size() + "] must not be null");
      }
      copy.add(value);
    }
    return Collections.unmodifiableList(copy);
  }

  /** Maps wire values to the constants this SDK knows, skipping the others. */
  static <E> List<E> knownValues(List<String> values, Function<String, Optional<E>> lookup) {
    List<E> known = new ArrayList<>(values.size());
    for (String value : values) {
      lookup.apply(value).ifPresent(known::add);
    }
    return Collections.unmodifiableList(known);
  }

  static String formatDateTime(OffsetDateTime value) {
    return value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
  }

  static OffsetDateTime parseDateTime(String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          field + " must be an ISO-8601 date-time with an offset; was: '" + text + "'", e);
    }
  }
}
