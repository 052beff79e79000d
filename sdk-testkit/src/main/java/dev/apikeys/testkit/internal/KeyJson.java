package dev.apikeys.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes keys, pages and errors as the JSON bodies of the API. */
final class KeyJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private KeyJson() {
  }

  /** An {@code ApiKey}: every field, {@code description} only when set, no secret. */
  static String key(StoredKey key) {
    return write(node(key));
  }

  /** An {@code ApiKeyWithSecret}: the key and its full secret {@code key}. */
  static String keyWithSecret(StoredKey key) {
    return write(node(key).put("key", key.secret()));
  }

  /** An {@code ApiKeyList}; {@code first_id} and {@code last_id} are null on an empty page. */
  static String page(Page page) {
    ObjectNode node = JSON.createObjectNode();
    ArrayNode data = node.putArray("data");
    page.data().forEach(key -> data.add(node(key)));
    node.put("has_more", page.hasMore());
    List<StoredKey> keys = page.data();
    node.put("first_id", keys.isEmpty() ? null : keys.get(0).id());
    node.put("last_id", keys.isEmpty() ? null : keys.get(keys.size() - 1).id());
    return write(node);
  }

  /** The account API's {@code SuccessResponse}: {@code {"success": true}}. */
  static String success() {
    return write(JSON.createObjectNode().put("success", true));
  }

  /** An {@code ErrorBody}. */
  static String error(@Nullable String message) {
    return write(JSON.createObjectNode().put("error", message));
  }

  private static ObjectNode node(StoredKey key) {
    ObjectNode node = JSON.createObjectNode()
        .put("id", key.id())
        .put("name", key.name());
    if (key.description() != null) {
      node.put("description", key.description());
    }
    node.put("created_date", format(key.createdDate()))
        .put("last_four_digits", key.lastFourDigits())
        .put("creator_id", key.creatorId())
        .put("restricted", key.restricted());
    ArrayNode permissions = node.putArray("permissions");
    key.permissions().forEach(permissions::add);
    return node.put("expires_at", key.expiresAt() == null ? null : format(key.expiresAt()));
  }

  private static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always writes", e);
    }
  }
}
