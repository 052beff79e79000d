package dev.apikeys.sdk.models;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.SdkServer;
import dev.apikeys.sdk.errors.InvalidDataException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Responses are read tolerantly: an odd field fails only when its accessor is called, naming the
 * model and the field; {@code validate()} names every odd field; unknown fields are kept and
 * written back. Each response comes from a real HTTP server through the client.
 */
class TolerantReadingTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String KEY_PATH = "/v1/api_key/key_1";

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private ApiKeysClient client;

  @BeforeEach
  void setUp() {
    client = server.open(server.client());
  }

  /** Every documented field of an API key, each with a valid value. */
  private static ObjectNode fullKey(String id) {
    ObjectNode key = NODES.objectNode();
    key.put("id", id);
    key.put("name", "name-" + id);
    key.put("description", "Used by CI");
    key.put("created_date", "2024-03-01T10:15:30Z");
    key.put("last_four_digits", "9f3c");
    key.put("creator_id", "user_7");
    key.put("restricted", true);
    key.set("permissions", NODES.arrayNode().add("calls.view").add("calls.fly"));
    key.put("expires_at", "2030-01-01T00:00:00+02:00");
    return key;
  }

  /** The accessor of each documented field, and what it gives for {@link #fullKey}. */
  private static Map<String, Function<ApiKey, Object>> keyAccessors() {
    Map<String, Function<ApiKey, Object>> accessors = new LinkedHashMap<>();
    accessors.put("id", ApiKey::id);
    accessors.put("name", ApiKey::name);
    accessors.put("description", ApiKey::description);
    accessors.put("created_date", ApiKey::createdDate);
    accessors.put("last_four_digits", ApiKey::lastFourDigits);
    accessors.put("creator_id", ApiKey::creatorId);
    accessors.put("restricted", ApiKey::restricted);
    accessors.put("permissions", ApiKey::permissionValues);
    accessors.put("expires_at", ApiKey::expiresAt);
    return accessors;
  }

  private static Map<String, Object> fullKeyValues(String id) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("id", id);
    values.put("name", "name-" + id);
    values.put("description", Optional.of("Used by CI"));
    values.put("created_date", OffsetDateTime.parse("2024-03-01T10:15:30Z"));
    values.put("last_four_digits", "9f3c");
    values.put("creator_id", "user_7");
    values.put("restricted", true);
    values.put("permissions", List.of("calls.view", "calls.fly"));
    values.put("expires_at", Optional.of(OffsetDateTime.parse("2030-01-01T00:00:00+02:00")));
    return values;
  }

  private ApiKey retrieve(JsonNode body) {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(okJson(body.toString())));
    return client.apiKeys().retrieve("key_1");
  }

  private static void assertOtherFieldsRead(ApiKey key, String... oddFields) {
    Map<String, Object> expected = fullKeyValues("key_1");
    keyAccessors().forEach((field, accessor) -> {
      if (!List.of(oddFields).contains(field)) {
        assertEquals(expected.get(field), accessor.apply(key), field);
      }
    });
  }

  private static void assertInvalid(String message, Runnable read) {
    InvalidDataException e = assertThrows(InvalidDataException.class, read::run);
    assertEquals(message, e.getMessage());
  }

  static Stream<Arguments> requiredKeyFields() {
    return Stream.of(
        Arguments.of("id", NODES.numberNode(5), "a number"),
        Arguments.of("name", NODES.booleanNode(true), "a boolean"),
        Arguments.of("created_date", NODES.textNode("yesterday"), "a string that is not one"),
        Arguments.of("last_four_digits", NODES.objectNode().put("a", 1), "an object"),
        Arguments.of("creator_id", NODES.arrayNode().add("u"), "an array"),
        Arguments.of("restricted", NODES.textNode("yes"), "a string that is not one"),
        Arguments.of("permissions", NODES.textNode("calls.view"), "a string that is not one"));
  }

  @ParameterizedTest(name = "{0} missing")
  @MethodSource("requiredKeyFields")
  void missingRequiredFieldFailsOnlyItsAccessor(String field, JsonNode wrong, String got) {
    ObjectNode body = fullKey("key_1");
    body.remove(field);

    ApiKey key = retrieve(body);

    assertInvalid("ApiKey is not as the API documents it: " + field + " is missing or null",
        () -> keyAccessors().get(field).apply(key));
    assertOtherFieldsRead(key, field);
  }

  @ParameterizedTest(name = "{0} null")
  @MethodSource("requiredKeyFields")
  void nullRequiredFieldFailsOnlyItsAccessor(String field, JsonNode wrong, String got) {
    ObjectNode body = fullKey("key_1");
    body.putNull(field);

    ApiKey key = retrieve(body);

    if (field.equals("permissions")) {
      assertEquals(List.of(), key.permissionValues());
      assertEquals(List.of(), key.permissions());
      assertSame(key, key.validate());
    } else {
      assertInvalid("ApiKey is not as the API documents it: " + field + " is missing or null",
          () -> keyAccessors().get(field).apply(key));
    }
    assertOtherFieldsRead(key, field);
  }

  @ParameterizedTest(name = "{0} of the wrong type")
  @MethodSource("requiredKeyFields")
  void wrongTypeFailsOnlyItsAccessor(String field, JsonNode wrong, String got) {
    ObjectNode body = fullKey("key_1");
    body.set(field, wrong);

    ApiKey key = retrieve(body);

    assertInvalid("ApiKey is not as the API documents it: " + field
        + " is not of the documented type (got " + got + ")",
        () -> keyAccessors().get(field).apply(key));
    assertOtherFieldsRead(key, field);
  }

  @Test
  void optionalFieldsOfTheWrongTypeFailWhenRead() {
    ObjectNode body = fullKey("key_1");
    body.put("description", 5);
    body.put("expires_at", "never");

    ApiKey key = retrieve(body);

    assertInvalid("ApiKey is not as the API documents it: description is not of the documented"
        + " type (got a number)", key::description);
    assertInvalid("ApiKey is not as the API documents it: expires_at is not of the documented"
        + " type (got a string that is not one)", key::expiresAt);
    assertOtherFieldsRead(key, "description", "expires_at");
  }

  @Test
  void permissionsWithANonStringItemFailWhenRead() {
    ObjectNode body = fullKey("key_1");
    body.set("permissions", NODES.arrayNode().add("calls.view").add(7));

    ApiKey key = retrieve(body);

    assertInvalid("ApiKey is not as the API documents it: permissions is not of the documented"
        + " type (got an array)", key::permissions);
    assertInvalid("ApiKey is not as the API documents it: permissions is not of the documented"
        + " type (got an array)", key::permissionValues);
    assertEquals("name-key_1", key.name());
  }

  @Test
  void booleansAlsoComeAsStrings() {
    ObjectNode body = fullKey("key_1");
    body.put("restricted", "false");

    assertFalse(retrieve(body).restricted());
  }

  @Test
  void validateNamesEveryProblemInOrder() {
    ObjectNode body = fullKey("key_1");
    body.remove("name");
    body.put("created_date", 20240301);
    body.putNull("creator_id");
    body.put("description", false);
    body.set("expires_at", NODES.arrayNode());

    ApiKey key = retrieve(body);

    InvalidDataException e = assertThrows(InvalidDataException.class, key::validate);
    List<String> problems = List.of("name is missing or null",
        "description is not of the documented type (got a boolean)",
        "created_date is not of the documented type (got a number)",
        "creator_id is missing or null",
        "expires_at is not of the documented type (got an array)");
    assertEquals(problems, e.problems());
    assertEquals("ApiKey", e.model());
    assertEquals("ApiKey is not as the API documents it: " + String.join("; ", problems),
        e.getMessage());
    assertEquals("key_1", key.id());
  }

  @Test
  void validateReturnsTheModelWhenItIsValid() {
    ApiKey key = retrieve(fullKey("key_1"));

    assertSame(key, key.validate());
  }

  @ParameterizedTest(name = "key {0}")
  @CsvSource({"missing, is missing or null", "null, is missing or null",
      "number, is not of the documented type (got a number)"})
  void createdKeyWithoutItsSecretStillGivesTheRest(String shape, String problem) {
    ObjectNode body = fullKey("key_new");
    if (shape.equals("null")) {
      body.putNull("key");
    } else if (shape.equals("number")) {
      body.put("key", 1234);
    }
    server.stubFor(post(urlEqualTo("/v1/api_key/")).willReturn(okJson(body.toString())
        .withStatus(201)));

    ApiKeyWithSecret created = client.apiKeys()
        .create(CreateApiKeyParams.builder().name("ci").build());

    assertInvalid("ApiKeyWithSecret is not as the API documents it: key " + problem,
        created::key);
    assertEquals("key_new", created.id());
    assertEquals(List.of("calls.view", "calls.fly"), created.permissionValues());
    InvalidDataException e = assertThrows(InvalidDataException.class, created::validate);
    assertEquals(List.of("key " + problem), e.problems());
  }

  @Test
  void listPageReadsAroundOddFields() {
    ObjectNode second = fullKey("key_2");
    second.remove("name");
    ObjectNode body = NODES.objectNode();
    body.set("data", NODES.arrayNode().add(fullKey("key_1")).add(second));
    body.put("has_more", "perhaps");
    body.put("first_id", "key_1");
    body.put("last_id", 2);
    server.stubFor(get(urlEqualTo("/v1/api_key/")).willReturn(okJson(body.toString())));

    ApiKeyPage page = client.apiKeys().list();

    assertEquals(List.of("key_1", "key_2"), page.data().stream().map(ApiKey::id).toList());
    assertEquals("name-key_1", page.data().get(0).name());
    assertInvalid("ApiKey is not as the API documents it: name is missing or null",
        () -> page.data().get(1).name());
    assertInvalid("ApiKeyList is not as the API documents it: has_more is not of the"
        + " documented type (got a string that is not one)", page::hasMore);
    assertEquals(Optional.of("key_1"), page.firstId());
    assertInvalid("ApiKeyList is not as the API documents it: last_id is not of the documented"
        + " type (got a number)", page::lastId);
  }

  @Test
  void nullListsReadAsEmpty() {
    server.stubFor(get(urlEqualTo("/v1/api_key/")).willReturn(okJson(
        "{\"data\": null, \"has_more\": false, \"first_id\": null, \"last_id\": null}")));

    ApiKeyPage page = client.apiKeys().list();

    assertEquals(List.of(), page.data());
    assertFalse(page.hasMore());
    assertEquals(Optional.empty(), page.nextPage());
  }

  @Test
  void listValidateNamesProblemsOfNestedKeysWithTheirIndex() throws Exception {
    ObjectNode second = fullKey("key_2");
    second.remove("name");
    ObjectNode third = fullKey("key_3");
    third.put("created_date", "not a date");
    third.putNull("restricted");
    ObjectNode body = NODES.objectNode();
    body.set("data", NODES.arrayNode().add(fullKey("key_1")).add(second).add(third));
    body.put("first_id", 1);

    ApiKeyList list = MAPPER.readValue(body.toString(), ApiKeyList.class);

    InvalidDataException e = assertThrows(InvalidDataException.class, list::validate);
    assertEquals(List.of("data[1].name is missing or null",
        "data[2].created_date is not of the documented type (got a string that is not one)",
        "data[2].restricted is missing or null",
        "has_more is missing or null",
        "first_id is not of the documented type (got a number)"), e.problems());
    assertEquals("ApiKeyList", e.model());
    assertEquals(3, list.data().size());
  }

  @ParameterizedTest(name = "success: {0}")
  @CsvSource(delimiter = '|', value = {
      "{}|success is missing or null",
      "{\"success\": null}|success is missing or null",
      "{\"success\": 1}|success is not of the documented type (got a number)",
      "{\"success\": \"maybe\"}|success is not of the documented type"
          + " (got a string that is not one)"})
  void oddSuccessFailsOnlyWhenRead(String body, String problem) {
    server.stubFor(patch(urlEqualTo("/apikeys/key_1")).willReturn(okJson(body)));

    SuccessResponse response = client.accountApiKeys().update("key_1", input());

    assertInvalid("SuccessResponse is not as the API documents it: " + problem,
        response::success);
    InvalidDataException e = assertThrows(InvalidDataException.class, response::validate);
    assertEquals(List.of(problem), e.problems());
  }

  @ParameterizedTest(name = "success: {0}")
  @CsvSource({"true, true", "false, false", "'\"true\"', true", "'\"FALSE\"', false"})
  void successReadsBooleansAndBooleanStrings(String value, boolean expected) {
    server.stubFor(patch(urlEqualTo("/apikeys/key_1"))
        .willReturn(okJson("{\"success\": " + value + ", \"request\": \"r1\"}")));

    SuccessResponse response = client.accountApiKeys().update("key_1", input());

    assertEquals(expected, response.success());
    assertEquals(Map.of("request", NODES.textNode("r1")), response.additionalProperties());
  }

  static Stream<Arguments> dateTimes() {
    Stream<Arguments> fractions = IntStream.rangeClosed(0, 9).mapToObj(digits -> {
      String fraction = digits == 0 ? "" : "." + "123456789".substring(0, digits);
      int nanos = digits == 0 ? 0
          : Integer.parseInt("123456789".substring(0, digits) + "0".repeat(9 - digits));
      return Arguments.of("2024-01-01T12:00:00" + fraction + "Z",
          OffsetDateTime.parse("2024-01-01T12:00:00Z").withNano(nanos));
    });
    return Stream.concat(fractions, Stream.of(
        Arguments.of("2024-01-01T12:00:00.123456789012Z",
            OffsetDateTime.parse("2024-01-01T12:00:00.123456789Z")),
        Arguments.of("2024-01-01T12:00:00", OffsetDateTime.parse("2024-01-01T12:00:00Z")),
        Arguments.of("2024-01-01T12:00:00.123456",
            OffsetDateTime.parse("2024-01-01T12:00:00.123456Z")),
        Arguments.of("2024-01-01 12:00:00.5+02:00",
            OffsetDateTime.parse("2024-01-01T12:00:00.5+02:00")),
        Arguments.of("2024-01-01t12:00:00z", OffsetDateTime.parse("2024-01-01T12:00:00Z")),
        Arguments.of("2024-01-01T12:00:00+00", OffsetDateTime.parse("2024-01-01T12:00:00Z")),
        Arguments.of("2024-01-01T12:00:00+05:30",
            OffsetDateTime.parse("2024-01-01T12:00:00+05:30")),
        Arguments.of("2024-01-01T12:00:00-08:00",
            OffsetDateTime.parse("2024-01-01T12:00:00-08:00"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dateTimes")
  void dateTimesReadAsServersWriteThem(String text, OffsetDateTime expected) {
    ObjectNode body = fullKey("key_1");
    body.put("created_date", text);

    ApiKey key = retrieve(body);

    assertEquals(expected, key.createdDate());
    assertEquals(expected.getOffset(), key.createdDate().getOffset());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2024-01-01T12:00:00+0000, 2024-01-01T12:00:00Z",
      "2024-01-01T12:00:00.123+0530, 2024-01-01T12:00:00.123+05:30",
      "2024-01-01 12:00:00-0800, 2024-01-01T12:00:00-08:00"})
  void offsetsWithoutAColonRead(String text, String expected) {
    ObjectNode body = fullKey("key_1");
    body.put("created_date", text);

    assertEquals(OffsetDateTime.parse(expected), retrieve(body).createdDate());
  }

  @Test
  void unknownFieldsAreKeptInOrderCarriedAndWrittenBackUnchanged() throws Exception {
    ObjectNode body = fullKey("key_1");
    body.put("zeta", 1);
    body.set("alpha", NODES.objectNode().set("nested", NODES.arrayNode().add(1).add("x")));
    body.putNull("mid");

    ApiKey key = retrieve(body);
    ApiKey renamed = key.toBuilder().name("renamed").build();

    assertEquals(List.of("zeta", "alpha", "mid"), List.copyOf(key.additionalProperties().keySet()));
    assertEquals(NODES.numberNode(1), key.additionalProperties().get("zeta"));
    assertEquals(body.get("alpha"), key.additionalProperties().get("alpha"));
    assertEquals(NullNode.getInstance(), key.additionalProperties().get("mid"));
    assertEquals(key.additionalProperties(), renamed.additionalProperties());
    assertEquals(body, MAPPER.readTree(MAPPER.writeValueAsString(key)));
    ObjectNode expected = body.deepCopy();
    expected.put("name", "renamed");
    assertEquals(expected, MAPPER.readTree(MAPPER.writeValueAsString(renamed)));
    assertThrows(UnsupportedOperationException.class,
        () -> key.additionalProperties().put("x", NODES.nullNode()));
  }

  @Test
  void oddValuesAreAlsoWrittenBackUnchanged() throws Exception {
    ObjectNode body = fullKey("key_1");
    body.put("created_date", "last tuesday");
    body.set("restricted", NODES.arrayNode().add(true));

    ApiKey key = retrieve(body);

    assertEquals(body, MAPPER.readTree(MAPPER.writeValueAsString(key)));
  }

  @Test
  void additionalPropertiesAreAddedAndRemovedAndSentOnTheWire() {
    server.stubFor(patch(urlEqualTo("/apikeys/key_1")).willReturn(okJson("{\"success\": true}")));
    ApiKeyInput withTrace = input().toBuilder()
        .putAdditionalProperty("x_trace", NODES.objectNode().put("id", "t-1"))
        .putAdditionalProperty("x_dropped", NODES.numberNode(2))
        .removeAdditionalProperty("x_dropped")
        .build();

    client.accountApiKeys().update("key_1", withTrace);

    assertEquals(List.of("x_trace"), List.copyOf(withTrace.additionalProperties().keySet()));
    assertEquals(Map.of(), input().additionalProperties());
    server.verify(exactly(1), patchRequestedFor(urlEqualTo("/apikeys/key_1"))
        .withRequestBody(equalToJson("{\"description\": \"ci bot\","
            + " \"flatPermissionsList\": [\"calls.view\"], \"x_trace\": {\"id\": \"t-1\"}}")));
  }

  @Test
  void documentedNamesAreRefusedAsAdditionalProperties() {
    String refused = "is a documented field of this model; set it with its own method,"
        + " not as an additional property";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ApiKey.builder().putAdditionalProperty("created_date", NODES.textNode("x")));
    assertEquals("'created_date' " + refused, e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ApiKeyWithSecret.builder().putAdditionalProperty("key", NODES.textNode("x")));
    assertEquals("'key' " + refused, e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ApiKeyList.builder().putAdditionalProperty("has_more", NODES.booleanNode(true)));
    assertEquals("'has_more' " + refused, e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SuccessResponse.builder().putAdditionalProperty("success", NODES.nullNode()));
    assertEquals("'success' " + refused, e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ApiKeyInput.builder().putAdditionalProperty("expiresAt", NODES.nullNode()));
    assertEquals("'expiresAt' " + refused, e.getMessage());
    NullPointerException npe = assertThrows(NullPointerException.class,
        () -> ApiKey.builder().putAdditionalProperty("extra", null));
    assertEquals("value of extra must not be null", npe.getMessage());
  }

  @Test
  void equalsAndHashCodeConsiderUnknownFields() {
    ObjectNode body = fullKey("key_1");
    body.put("extra", "a");
    ApiKey first = retrieve(body);
    ApiKey same = retrieve(body);
    body.put("extra", "b");
    ApiKey other = retrieve(body);
    body.remove("extra");
    ApiKey without = retrieve(body);

    assertEquals(first, same);
    assertEquals(first.hashCode(), same.hashCode());
    assertNotEquals(first, other);
    assertNotEquals(first, without);
    assertEquals(without, first.toBuilder().removeAdditionalProperty("extra").build());
    assertEquals(other, first.toBuilder().putAdditionalProperty("extra", NODES.textNode("b"))
        .build());
  }

  @Test
  void toStringMasksSecretsInUnknownFields() {
    ObjectNode body = fullKey("key_new");
    body.put("key", "sk-live-created-secret");
    body.put("Token", "sk-live-unknown-token");
    body.set("meta", NODES.objectNode().put("password", "hunter2").put("region", "eu"));
    server.stubFor(post(urlEqualTo("/v1/api_key/")).willReturn(okJson(body.toString())
        .withStatus(201)));

    ApiKeyWithSecret created = client.apiKeys()
        .create(CreateApiKeyParams.builder().name("ci").build());

    String shown = created.toString();
    assertFalse(shown.contains("sk-live-created-secret"), shown);
    assertFalse(shown.contains("sk-live-unknown-token"), shown);
    assertFalse(shown.contains("hunter2"), shown);
    assertTrue(shown.contains("key=****"), shown);
    assertTrue(shown.contains("Token=\"****\""), shown);
    assertTrue(shown.contains("meta={\"password\":\"****\",\"region\":\"eu\"}"), shown);
    assertEquals("sk-live-unknown-token", created.additionalProperties().get("Token").asText());
  }

  private static ApiKeyInput input() {
    return ApiKeyInput.builder().description("ci bot").flatPermissionsList(List.of("calls.view"))
        .build();
  }
}
