package dev.apikeys.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.testkit.MockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many new clients, each with its own JDK {@code HttpClient}, whose first call is a page larger
 * than one HTTP/2 frame: every page arrives whole, and no request offers an HTTP/2 upgrade.
 *
 * <p>This came from issue 14: one call was seen to stall for its whole 30 s attempt, headers
 * received and body never, on the JDK's h2c upgrade path (a new JDK client on plain http sends
 * its first request as HTTP/1.1 with {@code Upgrade: h2c} and {@code HTTP2-Settings}, the
 * testkit's Jetty accepts, and the answer comes back as stream 1 of the upgraded connection).
 * The SDK now speaks HTTP/1.1 on {@code http://}, so that path is never taken: this test fails
 * if the JDK's default (HTTP/2, hence the upgrade offer) comes back on cleartext. A client given
 * a default {@code HttpClient}, which keeps its own settings, shows that the check sees an offer.
 */
class FreshClientFirstCallTest {

  private static final int KEYS = 100;
  private static final int CLIENTS = 48;
  private static final int AT_ONCE = 8;
  private static final int ONE_FRAME = 16_384;
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

  @RegisterExtension
  static final MockApiKeysServerExtension API =
      new MockApiKeysServerExtension(MockApiKeysServer.builder().seed(KEYS));

  private static final ReportTable TABLE = ReportTable.create("65-fresh-clients",
      "Fresh clients: the first call of each new client arrives whole, with no h2c offer",
      "clients (at once)", "page size", "requests offering an upgrade", "protocols seen",
      "failures")
      .note("Each client has its own JDK HttpClient, so its first request opens a new"
          + " connection. Attempt timeout " + ATTEMPT_TIMEOUT.toSeconds() + " s, no retry: a"
          + " body that stalls after its headers fails the call with 'response body not"
          + " received'. An offer is a request that reached the server with an Upgrade or an"
          + " HTTP2-Settings header. The control row is one client given a default"
          + " HttpClient, which keeps its own settings (HTTP/2, so an h2c offer on http://): it"
          + " shows that an offer would be seen.");

  @AfterAll
  static void writeRows() {
    TABLE.write();
  }

  @Test
  void everyNewClientsFirstPageArrivesWholeWithoutAnUpgradeOffer() {
    MockApiKeysServer server = API.server();
    List<String> failures = new ArrayList<>();
    for (int started = 0; started < CLIENTS; started += AT_ONCE) {
      failures.addAll(firstPages(server));
    }

    List<LoggedRequest> requests = requests(server);
    int pageBytes = server.wireMock().getAllServeEvents().get(0).getResponse().getBody().length;
    long offers = requests.stream().filter(FreshClientFirstCallTest::offersAnUpgrade).count();
    List<String> protocols = requests.stream().map(LoggedRequest::getProtocol).distinct()
        .toList();
    TABLE.check(List.of(CLIENTS + " (" + AT_ONCE + ")", pageBytes + " bytes", offers,
        protocols, failures.isEmpty() ? "none" : failures), () -> {
          assertTrue(pageBytes > ONE_FRAME, "the page must need more than one DATA frame");
          assertEquals(CLIENTS, requests.size(), "one request per client: none retried");
          assertEquals(List.of(), failures);
          assertEquals(0, offers, "no request may offer an HTTP/2 upgrade on http://");
          assertEquals(List.of("HTTP/1.1"), protocols);
        });
  }

  @Test
  void aClientGivenADefaultHttpClientOffersTheUpgradeAndTheCheckSeesIt() {
    MockApiKeysServer server = API.server();
    Throwable error;
    try (ApiKeysClient client = server.clientBuilder().maxRetries(0)
        .timeout(Duration.ofSeconds(2)).httpClient(HttpClient.newHttpClient()).build()) {
      error = Outcomes.thrownBy(() -> client.apiKeys().retrieve("key_0001"));
    }

    List<LoggedRequest> requests = requests(server);
    long offers = requests.stream().filter(FreshClientFirstCallTest::offersAnUpgrade).count();
    TABLE.check(List.of("control: 1 client given HttpClient.newHttpClient()", "one key",
        offers, requests.stream().map(LoggedRequest::getProtocol).distinct().toList(),
        error == null ? "none" : error), () -> {
          assertEquals(1, requests.size());
          assertEquals(1, offers, "a default JDK client offers h2c on its first request");
          assertEquals("h2c", requests.get(0).getHeader("Upgrade"));
        });
  }

  private static boolean offersAnUpgrade(LoggedRequest request) {
    return request.containsHeader("Upgrade") || request.containsHeader("HTTP2-Settings");
  }

  private static List<LoggedRequest> requests(MockApiKeysServer server) {
    return server.wireMock().getAllServeEvents().stream().map(ServeEvent::getRequest).toList();
  }

  /** Starts {@link #AT_ONCE} new clients, each listing one page; returns what went wrong. */
  private static List<String> firstPages(MockApiKeysServer server) {
    List<ApiKeysClient> clients = new ArrayList<>();
    List<CompletableFuture<ApiKeyPage>> pages = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    try {
      for (int i = 0; i < AT_ONCE; i++) {
        ApiKeysClient client = server.clientBuilder().maxRetries(0).timeout(ATTEMPT_TIMEOUT)
            .build();
        clients.add(client);
        pages.add(client.async().apiKeys().list(ListApiKeysParams.builder().limit(KEYS)
            .build()));
      }
      for (CompletableFuture<ApiKeyPage> page : pages) {
        try {
          int size = page.join().data().size();
          if (size != KEYS) {
            failures.add("a page of " + size + " keys");
          }
        } catch (CompletionException e) {
          failures.add(String.valueOf(e.getCause()));
        }
      }
    } finally {
      clients.forEach(ApiKeysClient::close);
    }
    return failures;
  }
}
