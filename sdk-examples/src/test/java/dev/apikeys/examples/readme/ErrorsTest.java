package dev.apikeys.examples.readme;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.ApiKeysServiceException;
import dev.apikeys.sdk.errors.ErrorDetail;
import dev.apikeys.sdk.errors.InvalidDataException;
import dev.apikeys.sdk.errors.InvalidResponseException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.errors.UnprocessableEntityException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's "Errors" section against WireMock: its snippets, compiled and run, and its table
 * of error bodies, each row sent by a server and read back through {@code error()}.
 */
class ErrorsTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  /** A row of the README's table: a body in a code span, then the error() in a code span. */
  private static final Pattern SHAPE_ROW = Pattern.compile("(?m)^\\| `(.+?)`[^|]*\\| `(.*)` \\|$");
  private static final String SECRET = "sk-live-4f9a8b7c6d5e4f3a2b1c";

  private ApiKeysClient client;

  @BeforeEach
  void buildClient() {
    client = ApiKeysClient.builder().baseUrl(wm.baseUrl()).token("sk-test").maxRetries(0)
        .build();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  @Test
  void notFound() {
    wm.stubFor(get(urlPathEqualTo("/v1/api_key/key_1")).willReturn(aResponse().withStatus(404)
        .withHeader("x-request-id", "req_1").withHeader("Content-Type", "application/json")
        .withBody("{\"error\": \"API key not found\"}")));

    List<String> printed;
    try (CapturedOut out = CapturedOut.start()) {
      try {
        client.apiKeys().retrieve("key_1");
      } catch (NotFoundException e) {
        System.out.println(e.error() + " " + e.requestId().orElse("-"));
      } catch (ApiKeysServiceException e) {
        System.out.println("HTTP " + e.statusCode() + ": " + e.error());
      }
      printed = out.lines();
    }

    assertEquals(List.of("API key not found req_1"), printed);
  }

  @Test
  void everyBodyShapeOfTheTableGivesItsError() throws IOException {
    String section = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    section = section.substring(section.indexOf("| body | `error()` |"));
    section = section.substring(0, section.indexOf("\n\n"));
    Matcher row = SHAPE_ROW.matcher(section);
    List<String> wrong = new ArrayList<>();
    int rows = 0;
    while (row.find()) {
      rows++;
      String body = row.group(1);
      String contentType = body.startsWith("<") ? "text/html"
          : body.startsWith("{\"title\"") ? "application/problem+json"
          : body.startsWith("{") ? "application/json" : "text/plain";
      wm.stubFor(get(urlPathEqualTo("/v1/api_key/key_1")).willReturn(aResponse()
          .withStatus(400).withHeader("Content-Type", contentType).withBody(body)));
      ApiKeysServiceException e = assertThrows(ApiKeysServiceException.class,
          () -> client.apiKeys().retrieve("key_1"));
      if (!e.error().equals(row.group(2)) || !e.getMessage().equals("HTTP 400: " + row.group(2))) {
        wrong.add(body + " gave " + e.getMessage());
      }
    }

    // every row under the table's header and separator lines was read, and there are some
    assertEquals(section.lines().count() - 2, rows);
    assertTrue(rows > 0, "no row found in the README's table of error bodies");
    assertEquals(List.of(), wrong);
  }

  @Test
  void validationListsAreInDetails() {
    wm.stubFor(post(urlEqualTo("/v1/api_key/")).willReturn(aResponse().withStatus(422)
        .withHeader("Content-Type", "application/json").withBody("""
            {"detail": [
              {"loc": ["body", "name"], "msg": "ensure this value has at most 2 characters",
               "type": "value_error.any_str.max_length", "ctx": {"limit_value": 2}},
              {"loc": ["header", "x-team"], "msg": "field required",
               "type": "value_error.missing"}]}""")));

    List<String> printed;
    try (CapturedOut out = CapturedOut.start()) {
      try {
        client.apiKeys().create(CreateApiKeyParams.builder().name("ci").build());
      } catch (UnprocessableEntityException e) {
        for (ErrorDetail detail : e.details()) {
          System.out.println(detail.path() + ": " + detail.message());
        }
      }
      printed = out.lines();
    }

    assertEquals(List.of("body.name: ensure this value has at most 2 characters",
        "header.x-team: field required"), printed);
  }

  @Test
  void aCutOffCreateStillGivesTheKeysIdAndSecret() {
    wm.stubFor(post(urlEqualTo("/v1/api_key/")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\": \"key_9\", \"key\": \"" + SECRET + "\", \"name\": \"ci\", \"crea")));
    Map<String, String> vault = new HashMap<>();

    InvalidResponseException thrown = assertThrows(InvalidResponseException.class, () -> {
      ApiKeyWithSecret created;
      try {
        created = client.apiKeys().create(CreateApiKeyParams.builder().name("ci").build());
      } catch (InvalidResponseException e) {
        e.partial(ApiKeyWithSecret.class)
            .ifPresent(key -> vault.put(key.id(), key.key()));   // keep the secret
        throw e;
      }
    });

    assertEquals(Map.of("key_9", SECRET), vault);
    assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo("/v1/api_key/"))).size());
    assertTrue(thrown.body().startsWith("{\"id\":\"key_9\",\"key\":\"****\""), thrown.body());
    assertFalse(thrown.body().contains(SECRET) || thrown.getMessage().contains(SECRET));
  }

  @Test
  void oneOddFieldFailsOnlyWhenRead() {
    wm.stubFor(get(urlPathEqualTo("/v1/api_key/key_1")).willReturn(okJson("""
        {"id": "key_1", "name": null, "created_date": "2024-01-01T12:00:00.123456",
         "last_four_digits": "a1b2", "creator_id": "user_1", "restricted": false,
         "permissions": null, "team": "payments"}""")));

    List<String> printed;
    try (CapturedOut out = CapturedOut.start()) {
      ApiKey key = client.apiKeys().retrieve("key_1");
      key.id();                                                 // reads, whatever the other fields
      JsonNode team = key.additionalProperties().get("team");   // a field the SDK does not know
      try {
        key.validate();
      } catch (InvalidDataException e) {
        System.out.println(e.problems());                       // [name is missing or null]
      }
      printed = out.lines();

      assertEquals("key_1", key.id());
      assertEquals("payments", team.asText());
      assertEquals(OffsetDateTime.parse("2024-01-01T12:00:00.123456Z"), key.createdDate());
      assertEquals(List.of(), key.permissionValues());
      InvalidDataException name = assertThrows(InvalidDataException.class, key::name);
      assertEquals("ApiKey is not as the API documents it: name is missing or null",
          name.getMessage());
      assertEquals(team, key.toBuilder().name("ci").build().additionalProperties().get("team"));
    }
    assertEquals(List.of("[name is missing or null]"), printed);
  }
}
