package dev.apikeys.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The fixed clock of the tests, so that created keys have an exact {@code created_date}. */
final class TestClocks {

  static final String NOW_TEXT = "2026-01-02T03:04:05.678Z";

  static final Clock FIXED = Clock.fixed(Instant.parse(NOW_TEXT), ZoneOffset.UTC);

  private TestClocks() {
  }
}
