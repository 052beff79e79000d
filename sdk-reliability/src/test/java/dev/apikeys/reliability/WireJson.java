package dev.apikeys.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/** Builds the JSON a server sends, valid or not, as mutable trees. */
final class WireJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private WireJson() {
  }

  /** Returns a valid API key object as the API sends it. */
  static ObjectNode key(String id) {
    ObjectNode key = MAPPER.createObjectNode()
        .put("id", id)
        .put("name", "Key " + id)
        .put("created_date", "2024-01-01T00:00:00Z")
        .put("last_four_digits", "abcd")
        .put("creator_id", "user_admin")
        .put("restricted", true);
    key.putArray("permissions").add("calls.view");
    return key;
  }

  /** Returns a valid key, changed by {@code change}, as text. */
  static String key(Consumer<ObjectNode> change) {
    ObjectNode key = key("key_0001");
    change.accept(key);
    return key.toString();
  }

  /** Returns a valid list response holding keys with these ids. */
  static ObjectNode page(boolean hasMore, String... ids) {
    ObjectNode page = MAPPER.createObjectNode();
    ArrayNode data = page.putArray("data");
    for (String id : ids) {
      data.add(key(id));
    }
    page.put("has_more", hasMore);
    if (ids.length > 0) {
      page.put("first_id", ids[0]).put("last_id", ids[ids.length - 1]);
    }
    return page;
  }

  /** Returns a valid list response, changed by {@code change}, as text. */
  static String page(Consumer<ObjectNode> change) {
    ObjectNode page = page(false, "key_0001", "key_0002");
    change.accept(page);
    return page.toString();
  }

  /** Parses a JSON text. */
  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Returns a new empty object node. */
  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }
}
