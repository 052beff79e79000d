package dev.apikeys.interop;

import static dev.apikeys.interop.FastApiApp.seededId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.BadRequestException;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transport against uvicorn 0.17. The HTTP version on plain http, where uvicorn answers an
 * {@code h2c} upgrade offer with 400: the SDK's own client offers none, and a client the user
 * gives keeps its own settings, as the README says. And the app's 307s, which the SDK follows
 * within the base URL's origin.
 */
class UvicornTransportTest {

  @RegisterExtension
  static final UvicornServer SERVER = new UvicornServer(FastApiApp.aware());

  private static final String PATH = "/v1/api_key/" + seededId(1);

  @Test
  void theSdksOwnClientSpeaksHttp11WithoutAnUpgradeOffer() {
    int mark = SERVER.accessLog().mark();

    assertEquals(seededId(1), SERVER.client().apiKeys().retrieve(seededId(1)).id());

    assertEquals(List.of(new AccessLog.Entry("GET", PATH, "HTTP/1.1", 200, "OK")),
        SERVER.accessLog().entriesAfter(mark, 1));
  }

  @Test
  void aGivenClientAtTheJdksDefaultVersionOffersH2cAndGetsUvicorns400() {
    HttpClient jdkDefault = HttpClient.newHttpClient();
    try (ApiKeysClient client = SERVER.clientBuilder().httpClient(jdkDefault).build()) {
      BadRequestException e = assertThrows(BadRequestException.class,
          () -> client.apiKeys().retrieve(seededId(1)));

      assertEquals(HttpClient.Version.HTTP_2, jdkDefault.version());
      assertEquals("Unsupported upgrade request.", e.error());
      assertEquals("Unsupported upgrade request.", e.body());
    }
  }

  @Test
  void aGivenHttp11ClientWorks() {
    HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int mark = SERVER.accessLog().mark();
    try (ApiKeysClient client = SERVER.clientBuilder().httpClient(http11).build()) {
      assertEquals(seededId(1), client.apiKeys().retrieve(seededId(1)).id());
    }

    assertEquals(List.of(new AccessLog.Entry("GET", PATH, "HTTP/1.1", 200, "OK")),
        SERVER.accessLog().entriesAfter(mark, 1));
  }

  @Test
  void everyOperationFollowsTheServersSameOrigin307() {
    int mark = SERVER.accessLog().mark();
    try (ApiKeysClient client = SERVER.clientBuilder().baseUrl(SERVER.baseUrl() + "/moved")
        .build()) {
      OperationsScenario.run(client, "acct_moved");
    }

    List<AccessLog.Entry> entries = SERVER.accessLog().entriesAfter(mark, 12);
    assertEquals(12, entries.size(), entries::toString);
    for (int i = 0; i < 6; i++) {
      AccessLog.Entry redirected = entries.get(2 * i);
      AccessLog.Entry followed = entries.get(2 * i + 1);
      assertEquals(OperationsScenario.METHODS.get(i), redirected.method());
      assertEquals(307, redirected.status());
      assertEquals(redirected.method(), followed.method());
      assertEquals(redirected.uri(), "/moved" + followed.uri());
      assertEquals(OperationsScenario.STATUSES.get(i), followed.status());
    }
  }
}
