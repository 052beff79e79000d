package dev.apikeys.testkit.internal;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apikeys.sdk.models.Permission;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Reads the fields of a request body and checks them against the rules of the API. */
final class KeyRules {

  /** The fields of a create or update body. */
  static final Set<String> KEY_FIELDS =
      Set.of("name", "description", "restricted", "permissions", "expires_at");

  /** The fields of the account API's {@code ApiKeyInput}. */
  static final Set<String> API_KEY_INPUT_FIELDS =
      Set.of("description", "expiresAt", "flatPermissionsList");

  static final String PERMISSIONS_NEED_RESTRICTED =
      "Permissions can only be set on restricted API keys";

  private static final Set<String> KNOWN_PERMISSIONS = Arrays.stream(Permission.values())
      .map(Permission::value)
      .collect(Collectors.toUnmodifiableSet());

  private static final ObjectMapper STRICT_JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private KeyRules() {
  }

  /**
   * Parses a request body that must be one JSON object with no fields but these; a field the
   * API does not know is more likely a client's typo than something to ignore.
   */
  static ObjectNode object(byte[] body, Set<String> fields) {
    JsonNode node;
    try {
      node = body.length == 0 ? null : STRICT_JSON.readTree(body);
    } catch (IOException e) {
      throw ApiError.badRequest("Malformed JSON body");
    }
    if (node == null || !node.isObject()) {
      throw ApiError.badRequest("Request body must be a JSON object");
    }
    List<String> unknown = new ArrayList<>();
    node.fieldNames().forEachRemaining(name -> {
      if (!fields.contains(name)) {
        unknown.add(name);
      }
    });
    if (!unknown.isEmpty()) {
      throw ApiError.badRequest("Unknown fields: " + String.join(", ", unknown));
    }
    return (ObjectNode) node;
  }

  /** Returns a string field, null when absent; a present field must be a non-empty string. */
  static @Nullable String text(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiError.badRequest(field + " must be a string");
    }
    return value.textValue();
  }

  /** Returns a string field that must be present. */
  static String requiredText(ObjectNode body, String field) {
    String value = text(body, field);
    if (value == null) {
      throw ApiError.badRequest(field + " is required");
    }
    return value;
  }

  /** Returns the {@code name} field, null when absent, and rejects an empty name. */
  static @Nullable String name(ObjectNode body) {
    String name = text(body, "name");
    if (name != null && name.isEmpty()) {
      throw ApiError.badRequest("name must not be empty");
    }
    return name;
  }

  /** Returns a boolean field, null when absent. */
  static @Nullable Boolean bool(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw ApiError.badRequest(field + " must be a boolean");
    }
    return value.booleanValue();
  }

  /**
   * Returns the {@code permissions} field without duplicates, in the order given; null when
   * absent.
   *
   * @throws ApiError 400 naming every value that is not a known permission
   */
  static @Nullable List<String> permissions(ObjectNode body) {
    return permissions(body, "permissions");
  }

  /**
   * Returns a field of permissions without duplicates, in the order given; null when absent.
   *
   * @throws ApiError 400 naming every value that is not one of the 61 permissions
   */
  static @Nullable List<String> permissions(ObjectNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      throw ApiError.badRequest(field + " must be an array of strings");
    }
    Set<String> given = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isTextual()) {
        throw ApiError.badRequest(field + " must be an array of strings");
      }
      String permission = element.textValue();
      if (!KNOWN_PERMISSIONS.contains(permission)) {
        unknown.add(permission);
      }
      given.add(permission);
    }
    if (!unknown.isEmpty()) {
      throw ApiError.badRequest("Invalid permissions provided: " + String.join(", ", unknown));
    }
    return List.copyOf(given);
  }

  /** Returns the {@code expires_at} field, null when absent or, where allowed, null. */
  static @Nullable Instant expiresAt(ObjectNode body, boolean nullable) {
    JsonNode value = body.get("expires_at");
    if (value == null || (nullable && value.isNull())) {
      return null;
    }
    return dateTime(value, "expires_at must be an ISO-8601 date-time with an offset"
        + (nullable ? ", or null" : ""));
  }

  /**
   * Returns the account API's {@code expiresAt}: null when it is null or empty, which mean that the key
   * never expires. The caller tells an absent field apart.
   */
  static @Nullable Instant expiresAtOrNever(ObjectNode body) {
    JsonNode value = body.get("expiresAt");
    if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
      return null;
    }
    return dateTime(value,
        "expiresAt must be an ISO-8601 date-time with an offset, null or empty");
  }

  private static Instant dateTime(JsonNode value, String rule) {
    if (!value.isTextual()) {
      throw ApiError.badRequest(rule);
    }
    try {
      return OffsetDateTime.parse(value.textValue()).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest(rule + "; was: '" + value.textValue() + "'");
    }
  }
}
