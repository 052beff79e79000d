package dev.apikeys.sdk.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apikeys.sdk.errors.InvalidDataException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generated models read and write the wire JSON exactly, with any ObjectMapper. */
class ModelJsonTest {

  private static final ObjectMapper PLAIN_MAPPER = new ObjectMapper();

  private static final String KEY_JSON = "{\"id\":\"key_1\",\"name\":\"ci\","
      + "\"description\":\"d\",\"created_date\":\"2023-11-07T05:31:56Z\","
      + "\"last_four_digits\":\"a1b2\",\"creator_id\":\"user_9\",\"restricted\":true,"
      + "\"permissions\":[\"calls.view\",\"calls.fly\"],\"expires_at\":null}";

  @Test
  void apiKeyRoundTripsExactly() throws Exception {
    ApiKey key = PLAIN_MAPPER.readValue(KEY_JSON, ApiKey.class);

    assertEquals(KEY_JSON, PLAIN_MAPPER.writeValueAsString(key));
    assertEquals(List.of(Permission.CALLS_VIEW), key.permissions());
    assertEquals(List.of("calls.view", "calls.fly"), key.permissionValues());
    assertEquals(Optional.empty(), key.expiresAt());
    assertTrue(key.isExpiresAtSet());
  }

  @Test
  void unknownFieldsAreKeptCarriedByToBuilderAndWrittenBackUnchanged() throws Exception {
    String json = KEY_JSON.substring(0, KEY_JSON.length() - 1)
        + ",\"brand_new\":{\"nested\":[1,2]},\"another\":\"x\"}";

    ApiKey key = PLAIN_MAPPER.readValue(json, ApiKey.class);
    ApiKey renamed = key.toBuilder().name("renamed").build();

    assertEquals(List.of("brand_new", "another"), List.copyOf(key.additionalProperties().keySet()));
    assertEquals(PLAIN_MAPPER.readTree("{\"nested\":[1,2]}"),
        key.additionalProperties().get("brand_new"));
    assertEquals(key.additionalProperties(), renamed.additionalProperties());
    ObjectNode expected = (ObjectNode) PLAIN_MAPPER.readTree(json);
    expected.put("name", "renamed");
    assertEquals(expected, PLAIN_MAPPER.readTree(PLAIN_MAPPER.writeValueAsString(renamed)));
  }

  @Test
  void absentOptionalFieldsStayAbsent() throws Exception {
    String json = "{\"id\":\"key_1\",\"name\":\"ci\",\"created_date\":\"2023-11-07T05:31:56Z\","
        + "\"last_four_digits\":\"a1b2\",\"creator_id\":\"u\",\"restricted\":false,"
        + "\"permissions\":[]}";

    ApiKey key = PLAIN_MAPPER.readValue(json, ApiKey.class);

    assertEquals(Optional.empty(), key.description());
    assertFalse(key.isExpiresAtSet());
    assertEquals(json, PLAIN_MAPPER.writeValueAsString(key));
  }

  @Test
  void updateParamsHaveThreeStatesForExpiry() throws Exception {
    UpdateApiKeyParams absent = UpdateApiKeyParams.builder().name("n").build();
    UpdateApiKeyParams cleared = UpdateApiKeyParams.builder().name("n").expiresAt(null).build();
    OffsetDateTime when = OffsetDateTime.parse("2030-01-01T00:00:00Z");
    UpdateApiKeyParams set = UpdateApiKeyParams.builder().name("n").expiresAt(when).build();

    assertEquals("{\"name\":\"n\"}", PLAIN_MAPPER.writeValueAsString(absent));
    assertEquals("{\"name\":\"n\",\"expires_at\":null}", PLAIN_MAPPER.writeValueAsString(cleared));
    assertEquals("{\"name\":\"n\",\"expires_at\":\"2030-01-01T00:00:00Z\"}",
        PLAIN_MAPPER.writeValueAsString(set));
    assertNotEquals(absent, cleared);
    assertNotEquals(cleared, set);

    UpdateApiKeyParams readCleared = PLAIN_MAPPER.readValue("{\"expires_at\":null}",
        UpdateApiKeyParams.class);
    assertTrue(readCleared.isExpiresAtSet());
    assertEquals(Optional.empty(), readCleared.expiresAt());
    UpdateApiKeyParams readAbsent = PLAIN_MAPPER.readValue("{}", UpdateApiKeyParams.class);
    assertFalse(readAbsent.isExpiresAtSet());
    assertEquals(cleared, PLAIN_MAPPER.readValue(
        PLAIN_MAPPER.writeValueAsString(cleared), UpdateApiKeyParams.class));
  }

  @Test
  void toStringMasksTheSecretButJsonKeepsIt() throws Exception {
    ApiKeyWithSecret created = ApiKeyWithSecret.builder()
        .id("key_1").name("ci").createdDate(OffsetDateTime.parse("2023-11-07T05:31:56Z"))
        .lastFourDigits("a1b2").creatorId("u").restricted(false).permissionValues(List.of())
        .key("sk-live-0123456789")
        .build();

    assertFalse(created.toString().contains("sk-live-0123456789"), created.toString());
    assertTrue(created.toString().contains("key=****"), created.toString());
    assertTrue(PLAIN_MAPPER.writeValueAsString(created).contains("\"key\":\"sk-live-0123456789\""));
    assertEquals("sk-live-0123456789", created.key());
  }

  @Test
  void modelsAreImmutable() {
    List<String> values = new ArrayList<>(List.of("calls.view"));
    UpdateApiKeyParams.Builder builder = UpdateApiKeyParams.builder().permissionValues(values);
    UpdateApiKeyParams params = builder.build();

    values.add("calls.create");
    builder.name("later");

    assertEquals(List.of("calls.view"), params.permissionValues().orElseThrow());
    assertEquals(Optional.empty(), params.name());
    assertThrows(UnsupportedOperationException.class,
        () -> params.permissionValues().orElseThrow().add("x"));
  }

  @Test
  void toBuilderCopiesEveryField() throws Exception {
    ApiKey key = PLAIN_MAPPER.readValue(KEY_JSON, ApiKey.class);

    ApiKey renamed = key.toBuilder().name("other").build();

    assertEquals("other", renamed.name());
    assertEquals(key, renamed.toBuilder().name("ci").build());
    assertEquals(key.hashCode(), renamed.toBuilder().name("ci").build().hashCode());
  }

  @Test
  void invalidDateFailsOnlyWhenReadNamingTheModelAndTheField() throws Exception {
    String json = KEY_JSON.replace("2023-11-07T05:31:56Z", "yesterday");

    ApiKey key = PLAIN_MAPPER.readValue(json, ApiKey.class);

    assertEquals("key_1", key.id());
    InvalidDataException e = assertThrows(InvalidDataException.class, key::createdDate);
    assertEquals("ApiKey is not as the API documents it: created_date is not of the documented"
        + " type (got a string that is not one)", e.getMessage());
    assertEquals("ApiKey", e.model());
    assertEquals(PLAIN_MAPPER.readTree(json),
        PLAIN_MAPPER.readTree(PLAIN_MAPPER.writeValueAsString(key)));
  }

  @Test
  void listPageReadsNullCursors() throws Exception {
    ApiKeyList list = PLAIN_MAPPER.readValue(
        "{\"data\":[],\"has_more\":false,\"first_id\":null,\"last_id\":null}", ApiKeyList.class);

    assertEquals(List.of(), list.data());
    assertFalse(list.hasMore());
    assertEquals(Optional.empty(), list.firstId());
  }

  @Test
  void sortOrderUsesWireValues() {
    assertEquals(SortOrder.DESC, SortOrder.fromValue("desc"));
    assertEquals("asc", SortOrder.ASC.value());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SortOrder.fromValue("sideways"));
    assertEquals("SortOrder must be one of [asc, desc]; was: sideways", e.getMessage());
  }
}
