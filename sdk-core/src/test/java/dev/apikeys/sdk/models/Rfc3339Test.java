package dev.apikeys.sdk.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast path of date-time reading gives the JDK's own answer for the documented form, and
 * leaves every other text (null) to the lenient formatter.
 */
class Rfc3339Test {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2024-01-15T10:30:00Z", "2024-01-15T10:30:00.1Z",
      "2024-01-15T10:30:00.123456Z", "2024-01-15T10:30:00.123456789Z",
      "2024-02-29T23:59:59.999999999+14:00", "1999-12-31T00:00:00-18:00",
      "2024-01-15T10:30:00.5+05:30", "2024-01-15T10:30:00-00:00", "0001-01-01T00:00:00Z"})
  void theDocumentedFormReadsAsTheJdkReadsIt(String text) {
    OffsetDateTime expected = OffsetDateTime.parse(text);

    OffsetDateTime read = Rfc3339.parseOrNull(text);

    assertEquals(expected, read);
    assertEquals(expected.getOffset(), read.getOffset());
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", "2024-01-15", "2024-01-15T10:30:00", "2024-01-15 10:30:00Z",
      "2024-01-15T10:30:00.Z", "2024-01-15T10:30:00.1234567890Z", "2024-01-15T10:30:00+0530",
      "2024-01-15T10:30:00+05", "2024-02-30T10:30:00Z", "2024-01-15T24:00:00Z",
      "2024-01-15T10:30:60Z", "2024-01-15T10:30:00+19:00", "2024-01-15T10:30:00Zx",
      "2024-1-15T10:30:00Z", "+2024-01-15T10:30:00Z", "2024-01-15T10:30:00.12a4Z"})
  void anyOtherTextIsLeftToTheFormatter(String text) {
    assertNull(Rfc3339.parseOrNull(text));
  }
}
