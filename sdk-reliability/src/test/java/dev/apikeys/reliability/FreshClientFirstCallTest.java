package dev.apikeys.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.testkit.MockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many new clients, each with its own JDK {@code HttpClient}, whose first call is a page too
 * large for one HTTP/2 frame: every page arrives whole, well within the attempt timeout.
 *
 * <p>Over plain http a new JDK client sends its first request as HTTP/1.1 offering
 * {@code Upgrade: h2c}; the testkit's Jetty accepts, and the answer comes back as stream 1 of
 * the upgraded connection, in several DATA frames. That is the path of the one call that was
 * seen to stall for the whole 30 s attempt, headers received and body never, in
 * {@link SharedClientConcurrencyTest} (issue 14): the final listing, by a new client with no
 * retry. Clients start in batches, so that several upgraded connections race to become the
 * pooled one, as in that test.
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
      "Fresh clients: the first call of each new client, a page larger than one HTTP/2 frame",
      "clients (at once)", "page size", "requests offering h2c", "failures")
      .note("Each client has its own JDK HttpClient, so its first request offers the h2c"
          + " upgrade and its answer is the first stream of a new connection. Attempt timeout "
          + ATTEMPT_TIMEOUT.toSeconds() + " s, no retry: a body that stalls after its headers"
          + " fails the call with 'response body not received'.");

  @AfterAll
  static void writeRows() {
    TABLE.write();
  }

  @Test
  void everyNewClientsFirstPageArrivesWhole() {
    MockApiKeysServer server = API.server();
    List<String> failures = new ArrayList<>();
    for (int started = 0; started < CLIENTS; started += AT_ONCE) {
      failures.addAll(firstPages(server));
    }

    List<ServeEvent> served = server.wireMock().getAllServeEvents();
    int pageBytes = served.get(0).getResponse().getBody().length;
    long upgrades = served.stream()
        .filter(event -> "h2c".equals(event.getRequest().getHeader("Upgrade"))).count();
    TABLE.check(List.of(CLIENTS + " (" + AT_ONCE + ")", pageBytes + " bytes", upgrades,
        failures.isEmpty() ? "none" : failures), () -> {
          assertTrue(pageBytes > ONE_FRAME, "the page must need more than one DATA frame");
          assertEquals(CLIENTS, served.size(), "one request per client: none retried");
          assertEquals(List.of(), failures);
        });
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
