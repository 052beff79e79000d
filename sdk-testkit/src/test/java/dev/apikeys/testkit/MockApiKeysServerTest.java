package dev.apikeys.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.apikeys.testkit.RawApi.KEYS;
import static dev.apikeys.testkit.RawApi.assertError;
import static dev.apikeys.testkit.RawApi.assertJson;
import static dev.apikeys.testkit.RawApi.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MockApiKeysServerTest extends SpecCheckedTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension(
      MockApiKeysServer.builder().seed(2));

  MockApiKeysServerTest(MockApiKeysServer server) {
    super(server);
  }

  @Test
  void stubsOfTheUserWinOverTheApi() {
    server.wireMock().stubFor(get(urlEqualTo(KEYS + "key_0001")).willReturn(serverError()));

    assertError(500, "Internal server error", api.get(KEYS + "key_0001").send());
    assertEquals(200, api.get(KEYS + "key_0002").send().statusCode());
  }

  @Test
  void faultsOfWireMockWork() {
    server.wireMock().stubFor(get(urlEqualTo(KEYS + "key_0001"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    UncheckedIOException thrown =
        assertThrows(UncheckedIOException.class, () -> api.get(KEYS + "key_0001").send());
    assertTrue(thrown.getCause() instanceof IOException);
  }

  @Test
  void requestsCanBeVerified() {
    api.get(KEYS + "key_0001").send();
    api.get(KEYS + "key_0001").send();
    api.post(KEYS, "{\"name\": \"x\"}").header("Idempotency-Key", "k-9").send();

    server.wireMock().verify(2, getRequestedFor(urlPathEqualTo(KEYS + "key_0001")));
    server.wireMock().verify(1, postRequestedFor(urlEqualTo(KEYS))
        .withHeader("Idempotency-Key", equalTo("k-9"))
        .withHeader("Authorization", equalTo("Bearer " + MockApiKeysServer.ADMIN_TOKEN)));
  }

  @Test
  void everyResponseCarriesARequestId() {
    server.wireMock().stubFor(get(urlEqualTo(KEYS + "key_0001"))
        .willReturn(serverError()));

    assertEquals(List.of("req_00000001", "req_00000002", "req_00000003"), List.of(
        requestId(api.get(KEYS).send()),
        requestId(api.get(KEYS + "key_0001").send()),
        requestId(api.get("/elsewhere").send())));
  }

  @Test
  void requestIdOfAStubIsKept() {
    server.wireMock().stubFor(get(urlEqualTo(KEYS + "key_0001"))
        .willReturn(serverError().withHeader("x-request-id", "req_stub")));

    assertEquals("req_stub", requestId(api.get(KEYS + "key_0001").send()));
  }

  @Test
  void resetEmptiesKeysStubsJournalAndIds() {
    server.wireMock().stubFor(get(urlEqualTo(KEYS + "key_0001"))
        .willReturn(serverError()));
    api.post(KEYS, "{\"name\": \"x\"}").send();

    server.reset();

    assertError(404, "API key not found", api.get(KEYS + "key_0001").send());
    assertEquals(1, server.wireMock().getAllServeEvents().size());
    assertEquals("key_0001",
        tree(api.post(KEYS, "{\"name\": \"x\"}").send().body()).get("id").textValue());
  }

  @Test
  void seedAddsNumberedKeysToAnyAccount() {
    assertEquals(List.of("key_0003", "key_0004"), server.seed("acct_other", 2));
    assertEquals(List.of("key_0005"), server.seed(1));

    assertEquals(2, tree(api.get(KEYS).account("acct_other").send().body())
        .get("data").size());
    assertEquals(3, tree(api.get(KEYS).send().body()).get("data").size());
  }

  @Test
  void pathsOutsideTheApiAreNotFound() {
    assertError(404, "Not found", api.get("/v1/api_key").send());
    assertError(404, "Not found", api.get("/v1/api_key/key_0001/extra").send());
    assertError(404, "Not found", api.get("/").noToken().send());
  }

  @Test
  void methodsOutsideTheApiAreNotAllowed() {
    HttpResponse<String> onItem = api.method("PUT", KEYS + "key_0001").send();
    assertError(405, "Method not allowed", onItem);
    assertEquals("GET, PATCH, DELETE", onItem.headers().firstValue("Allow").orElse(null));

    HttpResponse<String> onCollection = api.method("DELETE", KEYS).send();
    assertError(405, "Method not allowed", onCollection);
    assertEquals("GET, POST", onCollection.headers().firstValue("Allow").orElse(null));
  }

  @Test
  void baseUrlNamesTheLoopbackAddressAndPort() {
    assertEquals("http://127.0.0.1:" + server.port(), server.baseUrl());
    assertEquals("MockApiKeysServer{" + server.baseUrl() + "}", server.toString());
  }

  @Test
  void listensOnTheConfiguredPortAndStops() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    MockApiKeysServer own = MockApiKeysServer.builder().port(port).build();
    assertFalse(own.isRunning());
    IllegalStateException notRunning = assertThrows(IllegalStateException.class, own::port);
    assertEquals("the server is not running; call start() first", notRunning.getMessage());

    try (own) {
      assertEquals(port, own.start().start().port());
      assertJson(200, "{\"data\": [], \"has_more\": false, \"first_id\": null,"
          + " \"last_id\": null}", new RawApi(own).get(KEYS).send());
    }
    assertFalse(own.isRunning());
    own.stop();
  }

  @Test
  void builderRejectsBadSettings() {
    MockApiKeysServer.Builder builder = MockApiKeysServer.builder();
    assertEquals("port must be from 0 to 65535; was: -1",
        assertThrows(IllegalArgumentException.class, () -> builder.port(-1)).getMessage());
    assertEquals("port must be from 0 to 65535; was: 65536",
        assertThrows(IllegalArgumentException.class, () -> builder.port(65_536)).getMessage());
    assertEquals("seed must be 0 or more; was: -1",
        assertThrows(IllegalArgumentException.class, () -> builder.seed(-1)).getMessage());
    assertEquals("token must not be blank nor UNKNOWN_TOKEN",
        assertThrows(IllegalArgumentException.class,
            () -> builder.adminToken(MockApiKeysServer.UNKNOWN_TOKEN)).getMessage());
    assertEquals("token must not be blank nor UNKNOWN_TOKEN",
        assertThrows(IllegalArgumentException.class,
            () -> builder.restrictedToken(" ", List.of())).getMessage());
    assertEquals("count must be 0 or more; was: -2",
        assertThrows(IllegalArgumentException.class, () -> server.seed(-2)).getMessage());
  }

  private static ResponseDefinitionBuilder serverError() {
    return aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\": \"Internal server error\"}");
  }

  private static String requestId(HttpResponse<String> response) {
    return response.headers().firstValue("x-request-id").orElse(null);
  }
}
