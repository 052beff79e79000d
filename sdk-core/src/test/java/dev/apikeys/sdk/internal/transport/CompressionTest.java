package dev.apikeys.sdk.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RawResponse;
import dev.apikeys.sdk.SdkServer;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.errors.InvalidResponseException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyInput;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every request asks for gzip; gzip and x-gzip bodies are decoded; an encoding the SDK cannot
 * decode, or a corrupt body, ends in an exception that names it. Also measures the bytes gzip
 * saves on a 1000-key page.
 */
class CompressionTest {

  private static final String KEY_PATH = "/v1/api_key/key_1";
  private static String cannotDecode(String encoding) {
    return "the body has Content-Encoding '" + encoding + "', which the SDK cannot decode"
        + " (it asks for gzip only)";
  }

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  @RegisterExtension
  static SdkServer plainServer = SdkServer.create(c -> c.gzipDisabled(true));

  private ApiKeysClient client;

  @BeforeEach
  void setUp() {
    client = clientOf(server.baseUrl());
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static ApiKeysClient clientOf(String baseUrl) {
    return ApiKeysClient.builder().baseUrl(baseUrl).token("sk-test-token").maxRetries(0).build();
  }

  private static String key(String id) {
    return "{\"id\": \"" + id + "\", \"name\": \"n\", \"created_date\": \"2024-03-01T10:15:30Z\","
        + " \"last_four_digits\": \"9f3c\", \"creator_id\": \"u\", \"restricted\": false,"
        + " \"permissions\": []}";
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  private static void answer(int status, String encoding, byte[] body) {
    ResponseDefinitionBuilder response = aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body);
    if (encoding != null) {
      response.withHeader("Content-Encoding", encoding);
    }
    server.stubFor(any(anyUrl()).willReturn(response));
  }

  @Test
  void everyRequestAsksForGzip() throws Exception {
    server.stubFor(any(anyUrl()).willReturn(okJson("{\"success\": true}")));

    client.apiKeys().list(ListApiKeysParams.builder().limit(1).build());
    client.apiKeys().retrieve("key_1");
    client.apiKeys().withRawResponse().create(CreateApiKeyParams.builder().name("ci").build());
    client.apiKeys().withRawResponse().update("key_1",
        UpdateApiKeyParams.builder().name("n").build());
    client.apiKeys().delete("key_1");
    client.accountApiKeys().update("key_1", ApiKeyInput.builder().description("d")
        .flatPermissionsList(Permission.CALLS_VIEW).build());
    client.async().apiKeys().delete("key_2").get();

    server.verify(exactly(7), anyRequestedFor(anyUrl()));
    server.verify(exactly(7), anyRequestedFor(anyUrl())
        .withHeader("Accept-Encoding", equalTo("gzip")));
  }

  @Test
  void bodyTheServerGzipsOnRequestIsDecoded() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(okJson(key("key_1"))));

    RawResponse<ApiKey> response = client.apiKeys().withRawResponse().retrieve("key_1");

    assertEquals(Optional.of("gzip"), response.header("Content-Encoding"));
    assertEquals("key_1", response.body().id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "x-gzip", " GZip "})
  void preGzippedBodyIsDecoded(String encoding) throws Exception {
    answer(201, encoding, gzip(key("key_new").replace("}", ", \"key\": \"sk-live-1\"}")));

    ApiKeyWithSecret created = client.apiKeys()
        .create(CreateApiKeyParams.builder().name("ci").build());

    assertEquals("key_new", created.id());
    assertEquals("sk-live-1", created.key());
  }

  @Test
  void identityAndNoEncodingLeaveTheBodyAsItIs() {
    answer(200, "identity", key("key_1").getBytes(StandardCharsets.UTF_8));
    assertEquals("key_1", client.apiKeys().retrieve("key_1").id());

    plainServer.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(okJson(key("key_2"))));
    try (ApiKeysClient plain = clientOf(plainServer.baseUrl())) {
      RawResponse<ApiKey> response = plain.apiKeys().withRawResponse().retrieve("key_1");
      assertEquals(Optional.empty(), response.header("Content-Encoding"));
      assertEquals("key_2", response.body().id());
    }
  }

  @Test
  void gzippedErrorBodyIsDecodedToo() throws Exception {
    answer(404, "gzip", gzip("{\"error\": \"API key not found\"}"));

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals("API key not found", e.error());
    assertEquals("{\"error\": \"API key not found\"}", e.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"br", "zstd", "x-unknown"})
  void otherEncodingOnSuccessIsAnInvalidResponseNamingIt(String encoding) {
    answer(200, encoding, new byte[] {0x1b, 0x03, 0x00, (byte) 0xf8});

    InvalidResponseException e = assertThrows(InvalidResponseException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals("the 200 response of GET /v1/api_key/key_1 cannot be read: "
        + cannotDecode(encoding), e.getMessage());
    assertEquals(200, e.statusCode());
    assertEquals("", e.body());
    assertNull(e.getCause());
  }

  @ParameterizedTest
  @ValueSource(strings = {"br", "zstd", "x-unknown"})
  void otherEncodingOnAnErrorStatusKeepsTheStatusAndNamesIt(String encoding) {
    answer(404, encoding, new byte[] {0x1b, 0x03, 0x00, (byte) 0xf8});

    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals("HTTP 404", e.getMessage());
    assertEquals("", e.error());
    assertEquals("(" + cannotDecode(encoding) + ")", e.body());
  }

  @Test
  void corruptGzipNamesTheEncodingAndTheFailure() throws Exception {
    answer(200, "gzip", "{\"id\": \"not gzip at all\"}".getBytes(StandardCharsets.UTF_8));
    InvalidResponseException notGzip = assertThrows(InvalidResponseException.class,
        () -> client.apiKeys().retrieve("key_1"));

    byte[] whole = gzip(key("key_1"));
    answer(200, "gzip", Arrays.copyOf(whole, whole.length - 12));
    InvalidResponseException cut = assertThrows(InvalidResponseException.class,
        () -> client.apiKeys().retrieve("key_1"));

    String start = "the 200 response of GET /v1/api_key/key_1 cannot be read: the body has"
        + " Content-Encoding 'gzip' but is not valid gzip data: ";
    assertEquals(start + "ZipException", notGzip.getMessage());
    assertEquals(start + "EOFException", cut.getMessage());
  }

  @Test
  void corruptGzipOnAnErrorStatusKeepsTheStatusAndNamesTheFailure() {
    answer(500, "gzip", "{\"error\": \"not gzip at all\"}".getBytes(StandardCharsets.UTF_8));

    InternalServerException e = assertThrows(InternalServerException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals("", e.error());
    assertEquals("(the body has Content-Encoding 'gzip' but is not valid gzip data:"
        + " ZipException)", e.body());
  }

  /**
   * Measures the bytes on the wire, headers included, for one 1000-key page with and without
   * gzip, through a counting relay; prints the figure.
   */
  @Test
  void gzipSavesMostBytesOfAThousandKeyPage() throws Exception {
    String page = thousandKeyPage();
    String path = "/v1/api_key/";
    server.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(page)));
    plainServer.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(page)));

    long gzipped = wireBytesOfOnePage(server.getPort());
    long plain = wireBytesOfOnePage(plainServer.getPort());

    long json = page.getBytes(StandardCharsets.UTF_8).length;
    System.out.printf("CompressionTest: 1000-key page, %d bytes of JSON: %d bytes on the wire"
        + " without gzip, %d with gzip (%.1f%% saved, %.1fx smaller)%n", json, plain, gzipped,
        100.0 * (plain - gzipped) / plain, (double) plain / gzipped);
    assertTrue(plain > json, "the plain response carries the whole JSON: " + plain);
    assertTrue(gzipped * 4 < plain, "gzip: " + gzipped + " bytes, plain: " + plain);
  }

  private static long wireBytesOfOnePage(int port) throws Exception {
    try (CountingProxy proxy = new CountingProxy(port);
        ApiKeysClient counted = clientOf(proxy.baseUrl())) {
      ApiKeyPage read = counted.apiKeys().list(ListApiKeysParams.builder().limit(1000).build());
      assertEquals(1000, read.data().size());
      assertEquals(UUID.nameUUIDFromBytes(new byte[] {0, 0, 3, (byte) 231}).toString(),
          read.data().get(999).id());
      return proxy.downstreamBytes();
    }
  }

  /** A page as the API sends it: 1000 keys with ids, dates and permission lists. */
  private static String thousandKeyPage() {
    Permission[] all = Permission.values();
    OffsetDateTime start = OffsetDateTime.parse("2023-01-01T08:00:00.123456Z");
    String data = IntStream.range(0, 1000).mapToObj(i -> {
      String id = UUID.nameUUIDFromBytes(new byte[] {0, 0, (byte) (i >> 8), (byte) i})
          .toString();
      boolean restricted = i % 3 == 0;
      String permissions = restricted ? IntStream.range(0, 2 + i % 6)
          .mapToObj(p -> "\"" + all[(i * 7 + p * 13) % all.length].value() + "\"")
          .collect(Collectors.joining(", ", "[", "]")) : "[]";
      return "{\"id\": \"" + id + "\", \"name\": \"service-account-" + i + "\","
          + " \"description\": \"Deploys service " + (i % 40) + " from CI\","
          + " \"created_date\": \"" + start.plusMinutes(37L * i) + "\","
          + " \"last_four_digits\": \"" + id.substring(32) + "\","
          + " \"creator_id\": \"user_" + (i % 17) + "\", \"restricted\": " + restricted + ","
          + " \"permissions\": " + permissions + ", \"expires_at\": "
          + (i % 4 == 0 ? "\"" + start.plusYears(1).plusDays(i) + "\"" : "null") + "}";
    }).collect(Collectors.joining(", ", "[", "]"));
    return "{\"data\": " + data + ", \"has_more\": true, \"first_id\": null,"
        + " \"last_id\": null}";
  }
}
