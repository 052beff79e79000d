package dev.apikeys.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the SDK must read back from the valid parts of {@link WireJson}'s bodies, accessor by
 * accessor: used to show that one odd field leaves every other field of a response readable.
 */
final class ReadBack {

  private ReadBack() {
  }

  /** Checks every accessor of a key read from {@code WireJson.key(id)}, but the odd field's. */
  static void keyReads(ApiKey key, String id, String oddField) {
    Map<String, Supplier<Object>> fields = new LinkedHashMap<>();
    fields.put("id", key::id);
    fields.put("name", key::name);
    fields.put("description", key::description);
    fields.put("created_date", key::createdDate);
    fields.put("last_four_digits", key::lastFourDigits);
    fields.put("creator_id", key::creatorId);
    fields.put("restricted", key::restricted);
    fields.put("permissions", key::permissionValues);
    fields.put("expires_at", key::expiresAt);
    check(fields, expectedKey(id), oddField);
  }

  /** Checks every accessor of a created key read from {@code WireJson.key}, but one. */
  static void createdKeyReads(ApiKeyWithSecret key, String secret, String oddField) {
    Map<String, Supplier<Object>> fields = new LinkedHashMap<>();
    fields.put("id", key::id);
    fields.put("name", key::name);
    fields.put("description", key::description);
    fields.put("created_date", key::createdDate);
    fields.put("last_four_digits", key::lastFourDigits);
    fields.put("creator_id", key::creatorId);
    fields.put("restricted", key::restricted);
    fields.put("permissions", key::permissionValues);
    fields.put("expires_at", key::expiresAt);
    fields.put("key", key::key);
    Map<String, Object> expected = expectedKey("key_0001");
    expected.put("key", secret);
    check(fields, expected, oddField);
  }

  /** Checks every accessor of a page read from {@code WireJson.page(...)}, but one. */
  static void pageReads(ApiKeyPage page, String oddField) {
    Map<String, Supplier<Object>> fields = new LinkedHashMap<>();
    fields.put("data", () -> page.data().stream().map(ApiKey::id).toList());
    fields.put("has_more", page::hasMore);
    fields.put("first_id", page::firstId);
    fields.put("last_id", page::lastId);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("data", List.of("key_0001", "key_0002"));
    expected.put("has_more", false);
    expected.put("first_id", Optional.of("key_0001"));
    expected.put("last_id", Optional.of("key_0002"));
    check(fields, expected, oddField);
  }

  private static Map<String, Object> expectedKey(String id) {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("id", id);
    expected.put("name", "Key " + id);
    expected.put("description", Optional.empty());
    expected.put("created_date", OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    expected.put("last_four_digits", "abcd");
    expected.put("creator_id", "user_admin");
    expected.put("restricted", true);
    expected.put("permissions", List.of("calls.view"));
    expected.put("expires_at", Optional.empty());
    return expected;
  }

  private static void check(Map<String, Supplier<Object>> fields, Map<String, Object> expected,
      String oddField) {
    fields.forEach((field, accessor) -> {
      if (!field.equals(oddField)) {
        assertEquals(expected.get(field), accessor.get(), field + " must read as sent");
      }
    });
  }
}
