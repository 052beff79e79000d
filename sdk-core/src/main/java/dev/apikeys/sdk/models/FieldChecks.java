package dev.apikeys.sdk.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.apikeys.sdk.errors.InvalidDataException;
import dev.apikeys.sdk.internal.checks.Arguments;
import dev.apikeys.sdk.internal.json.SecretMask;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The checks and conversions that the generated models share. */
final class FieldChecks {

  /** What {@code toString()} shows in place of a secret. */
  static final String MASK = SecretMask.MASK;

  /** RFC 3339 date-times as written: seconds always, fraction only when there is one. */
  private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
      .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
      .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
      .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
      .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .appendOffset("+HH:MM", "Z")
      .toFormatter();

  /**
   * Date-times as servers send them: 'T' or a space, any fraction, offset optional, with or
   * without colons ("+05:30", "+0530", "+05"). Strict: a day that does not exist fails.
   */
  private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
      .parseCaseInsensitive()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().parseLenient().appendOffset("+HH", "Z").optionalEnd()
      .toFormatter().withResolverStyle(ResolverStyle.STRICT);

  private static final Pattern LONG_FRACTION = Pattern.compile("(\\.\\d{9})\\d+");

  private FieldChecks() {
  }

  static void requirePresent(@Nullable Object value, String field) {
    if (value == null) {
      throw new NullPointerException(field + " is required but was not set");
    }
  }

  static void requireMinLength(@Nullable String value, int minLength, String field) {
    if (value != null && value.length() < minLength) {
      throw new IllegalArgumentException(
          field + " must have at least " + minLength + " character(s); was: '" + value + "'");
    }
  }

  static @Nullable String requireText(@Nullable String value, String field) {
    return Arguments.requireWellFormed(value, field);
  }

  /** Copies a collection into an unmodifiable list, naming the index of a null element. */
  static <T> List<T> copyList(Collection<? extends T> values, String field) {
    Objects.requireNonNull(values, field + " must not be null");
    List<T> copy = new ArrayList<>(values.size());
    for (T value : values) {
      if (value == null) {
        throw new NullPointerException(field + "[" + copy.size() + "] must not be null");
      }
      if (value instanceof String) {
        Arguments.requireWellFormed((String) value, field + "[" + copy.size() + "]");
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

  /**
   * Checks that RFC 3339 can carry a date-time: a year from 0000 to 9999 and an offset in whole
   * minutes.
   */
  static @Nullable OffsetDateTime requireRfc3339(@Nullable OffsetDateTime value, String field) {
    if (value == null) {
      return null;
    }
    if (value.getYear() < 0 || value.getYear() > 9999
        || value.getOffset().getTotalSeconds() % 60 != 0) {
      throw new IllegalArgumentException(field + " must be a date-time that RFC 3339 can carry:"
          + " a year from 0000 to 9999 and an offset in whole minutes; was " + value);
    }
    return value;
  }

  static @Nullable String formatDateTime(@Nullable OffsetDateTime value) {
    return value == null ? null : RFC_3339.format(value);
  }

  /**
   * Reads a date-time as servers write them: with or without an offset (none means UTC; with or
   * without colons), with 'T' or a space, with any number of fraction digits. A date that does
   * not exist (2030-02-30) is not one.
   *
   * @return the date-time, or null when the text is not one
   */
  static @Nullable OffsetDateTime parseDateTime(String text) {
    OffsetDateTime documented = Rfc3339.parseOrNull(text.trim());
    if (documented != null) {
      return documented;
    }
    String trimmed = LONG_FRACTION.matcher(text.trim()).replaceFirst("$1");
    try {
      TemporalAccessor parsed = LENIENT.parse(trimmed);
      ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
          ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
      return OffsetDateTime.of(LocalDateTime.from(parsed), offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Returns a required field's value, or throws naming the model and the field. */
  static <T> T required(@Nullable T value, String model, String field,
      Map<String, JsonNode> invalid) {
    if (value != null) {
      return value;
    }
    throw new InvalidDataException(model, List.of(problem(field, invalid)));
  }

  /** Returns an optional field's value, or throws when it came with the wrong type. */
  static <T> Optional<T> optional(@Nullable T value, String model, String field,
      Map<String, JsonNode> invalid) {
    if (value == null && invalid.containsKey(field)) {
      throw new InvalidDataException(model, List.of(problem(field, invalid)));
    }
    return Optional.ofNullable(value);
  }

  /** Adds what is wrong with a field, if anything, to {@code problems}. */
  static void check(List<String> problems, @Nullable Object value, boolean required, String field,
      Map<String, JsonNode> invalid) {
    if (invalid.containsKey(field) || (required && value == null)) {
      problems.add(problem(field, invalid));
    }
  }

  /** Validates each nested model of a list, naming the index of an odd one. */
  static <T> void checkEach(List<String> problems, @Nullable List<T> items, String field,
      Consumer<T> validate) {
    if (items == null) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      try {
        validate.accept(items.get(i));
      } catch (InvalidDataException e) {
        for (String problem : e.problems()) {
          problems.add(field + "[" + i + "]." + problem);
        }
      }
    }
  }

  private static String problem(String field, Map<String, JsonNode> invalid) {
    JsonNode raw = invalid.get(field);
    return raw == null ? field + " is missing or null"
        : field + " is not of the documented type (got " + describe(raw) + ")";
  }

  private static String describe(JsonNode raw) {
    switch (raw.getNodeType()) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case STRING:
        return "a string that is not one";
      default:
        return raw.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static Map<String, JsonNode> freeze(@Nullable Map<String, JsonNode> values) {
    return values == null || values.isEmpty() ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  static @Nullable Map<String, JsonNode> without(@Nullable Map<String, JsonNode> values,
      String field) {
    if (values == null || !values.containsKey(field)) {
      return values;
    }
    Map<String, JsonNode> copy = new LinkedHashMap<>(values);
    copy.remove(field);
    return copy;
  }

  static void requireUnknownName(String name, Set<String> known) {
    Objects.requireNonNull(name, "additional property name must not be null");
    if (known.contains(name)) {
      throw new IllegalArgumentException("'" + name + "' is a documented field of this model;"
          + " set it with its own method, not as an additional property");
    }
  }

  /** Writes the raw values that were kept: odd ones and unknown fields, secrets masked. */
  static void putRaw(Map<String, Object> fields, Map<String, JsonNode> invalid,
      Map<String, JsonNode> additional, boolean revealSecrets) {
    invalid.forEach((name, value) -> fields.put(name, shown(name, value, revealSecrets)));
    additional.forEach((name, value) -> fields.put(name, shown(name, value, revealSecrets)));
  }

  private static Object shown(String name, JsonNode value, boolean revealSecrets) {
    if (revealSecrets) {
      return value;
    }
    return SecretMask.isSecretField(name) ? TextNode.valueOf(MASK)
        : SecretMask.mask(value.toString());
  }
}
