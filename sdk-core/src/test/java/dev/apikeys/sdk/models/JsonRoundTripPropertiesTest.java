package dev.apikeys.sdk.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every model survives a JSON round trip through a plain {@code new ObjectMapper()} unchanged:
 * the three states of {@code expires_at} (and of {@code first_id}, {@code last_id}), unknown
 * permission strings and any text included; and its JSON holds exactly the fields that are set.
 */
class JsonRoundTripPropertiesTest {

  private static final ObjectMapper PLAIN_MAPPER = new ObjectMapper();

  @Property
  void apiKeyRoundTripsUnchanged(@ForAll("apiKeys") ApiKey key) throws Exception {
    String json = PLAIN_MAPPER.writeValueAsString(key);
    ApiKey read = PLAIN_MAPPER.readValue(json, ApiKey.class);

    assertEquals(key, read);
    assertEquals(key.hashCode(), read.hashCode());
    assertEquals(json, PLAIN_MAPPER.writeValueAsString(read));
    JsonNode tree = PLAIN_MAPPER.readTree(json);
    assertEquals(key.permissionValues(), strings(tree.get("permissions")));
    assertThreeStates(tree, "expires_at", key.isExpiresAtSet(), key.expiresAt());
    assertEquals(key.description().isPresent(), tree.has("description"));
  }

  @Property
  void apiKeyPermissionsAreItsKnownValuesInOrder(@ForAll("apiKeys") ApiKey key) {
    List<Permission> known = new ArrayList<>();
    key.permissionValues().forEach(value -> Permission.find(value).ifPresent(known::add));

    assertEquals(known, key.permissions());
  }

  @Property
  void apiKeyWithSecretRoundTripsAndHidesTheSecretInToString(
      @ForAll("keysWithSecret") ApiKeyWithSecret key) throws Exception {
    String json = PLAIN_MAPPER.writeValueAsString(key);
    ApiKeyWithSecret read = PLAIN_MAPPER.readValue(json, ApiKeyWithSecret.class);

    assertEquals(key, read);
    assertEquals(key.key(), PLAIN_MAPPER.readTree(json).get("key").textValue());
    assertFalse(key.toString().contains(key.key()), key.toString());
    assertThreeStates(PLAIN_MAPPER.readTree(json), "expires_at", key.isExpiresAtSet(),
        key.expiresAt());
  }

  @Property(tries = 300)
  void apiKeyListRoundTripsWithEachCursorAbsentNullOrSet(@ForAll("keyLists") ApiKeyList list)
      throws Exception {
    String json = PLAIN_MAPPER.writeValueAsString(list);
    ApiKeyList read = PLAIN_MAPPER.readValue(json, ApiKeyList.class);

    assertEquals(list, read);
    JsonNode tree = PLAIN_MAPPER.readTree(json);
    assertThreeStates(tree, "first_id", list.isFirstIdSet(), list.firstId());
    assertThreeStates(tree, "last_id", list.isLastIdSet(), list.lastId());
    assertEquals(list.data().size(), tree.get("data").size());
  }

  @Property
  void createParamsRoundTripWithExactlyTheFieldsSet(
      @ForAll("createParams") CreateApiKeyParams params) throws Exception {
    String json = PLAIN_MAPPER.writeValueAsString(params);
    CreateApiKeyParams read = PLAIN_MAPPER.readValue(json, CreateApiKeyParams.class);

    assertEquals(params, read);
    JsonNode tree = PLAIN_MAPPER.readTree(json);
    assertEquals(params.name(), tree.get("name").textValue());
    assertPresence(tree, "description", params.description());
    assertPresence(tree, "restricted", params.restricted());
    assertPresence(tree, "permissions", params.permissionValues());
    assertPresence(tree, "expires_at", params.expiresAt());
    params.permissionValues().ifPresent(values ->
        assertEquals(values, strings(tree.get("permissions"))));
  }

  @Property
  void updateParamsRoundTripWithTheThreeStatesOfExpiresAt(
      @ForAll("updateParams") UpdateApiKeyParams params) throws Exception {
    String json = PLAIN_MAPPER.writeValueAsString(params);
    UpdateApiKeyParams read = PLAIN_MAPPER.readValue(json, UpdateApiKeyParams.class);

    assertEquals(params, read);
    assertEquals(params.isExpiresAtSet(), read.isExpiresAtSet());
    JsonNode tree = PLAIN_MAPPER.readTree(json);
    assertPresence(tree, "name", params.name());
    assertPresence(tree, "description", params.description());
    assertPresence(tree, "restricted", params.restricted());
    assertPresence(tree, "permissions", params.permissionValues());
    assertThreeStates(tree, "expires_at", params.isExpiresAtSet(), params.expiresAt());
    Set<String> allowed = Set.of("name", "description", "restricted", "permissions",
        "expires_at");
    tree.fieldNames().forEachRemaining(field -> assertTrue(allowed.contains(field), field));
  }

  @Provide
  Arbitrary<ApiKey> apiKeys() {
    return ModelArbitraries.apiKeys();
  }

  @Provide
  Arbitrary<ApiKeyWithSecret> keysWithSecret() {
    return ModelArbitraries.keysWithSecret();
  }

  @Provide
  Arbitrary<ApiKeyList> keyLists() {
    return ModelArbitraries.keyLists();
  }

  @Provide
  Arbitrary<CreateApiKeyParams> createParams() {
    return ModelArbitraries.createParams();
  }

  @Provide
  Arbitrary<UpdateApiKeyParams> updateParams() {
    return ModelArbitraries.updateParams();
  }

  /** Absent when not set; JSON null when set to nothing; else the value's text. */
  private static void assertThreeStates(JsonNode tree, String field, boolean set,
      Optional<?> value) {
    assertEquals(set, tree.has(field), field + " presence");
    if (!set) {
      return;
    }
    JsonNode node = tree.get(field);
    if (value.isEmpty()) {
      assertTrue(node.isNull(), field + " must be JSON null");
    } else if (value.get() instanceof OffsetDateTime dateTime) {
      assertEquals(dateTime, OffsetDateTime.parse(node.textValue()));
    } else {
      assertEquals(value.get(), node.textValue());
    }
  }

  private static void assertPresence(JsonNode tree, String field, Optional<?> value) {
    assertEquals(value.isPresent(), tree.has(field), field + " presence");
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
      values.add(it.next().textValue());
    }
    return values;
  }
}
