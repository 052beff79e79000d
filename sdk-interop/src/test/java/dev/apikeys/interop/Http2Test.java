package dev.apikeys.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.SortOrder;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SDK over HTTP/2 with TLS, against the FastAPI app on hypercorn 0.13 (ALPN {@code h2},
 * 100 streams a connection), with a client that trusts the test's own certificate. The app
 * sends offsets and empty lists here: these tests are about the transport, paging and bursts.
 */
class Http2Test {

  private static final int SEEDED = 2500;

  @RegisterExtension
  static final HypercornServer SERVER = new HypercornServer(FastApiApp.aware().seedKeys(SEEDED));

  @Test
  void everyOperationGoesOverHttp2() {
    int mark = SERVER.accessLog().mark();

    OperationsScenario.run(SERVER.client(), "acct_h2");

    List<AccessLog.Entry> entries = SERVER.accessLog().entriesAfter(mark, 6);
    assertEquals(OperationsScenario.METHODS, entries.stream().map(AccessLog.Entry::method)
        .toList());
    assertEquals(OperationsScenario.STATUSES, entries.stream().map(AccessLog.Entry::status)
        .toList());
    assertEquals(List.of(InteropTransport.current().blockingProtocolOverTls()),
        entries.stream().map(AccessLog.Entry::protocol).distinct().toList());
  }

  /** On every transport, the async API negotiates HTTP/2 by ALPN (Apache: its async client). */
  @Test
  void asyncCallsGoOverHttp2() {
    int mark = SERVER.accessLog().mark();

    String id = FastApiApp.seededId(1);
    assertEquals(id, SERVER.client().async().apiKeys().retrieve(id).join().id());

    AccessLog.Entry seen = SERVER.accessLog().entriesAfter(mark, 1).get(0);
    assertEquals(List.of("GET", "/v1/api_key/" + id, "HTTP/2"),
        List.of(seen.method(), seen.uri(), seen.protocol()));
  }

  @ParameterizedTest(name = "{0}, {1} a page")
  @CsvSource({"ASC, 1000", "DESC, 250"})
  void theAutoPagerWalksThousandsOfKeysOverHttp2(SortOrder order, int limit) {
    PagingChecks.walksEveryKeyOnce(SERVER.client(), SEEDED, order, limit);
  }

  @Test
  void theAutoPagerWalksBackwardsOverHttp2() {
    PagingChecks.walksBackwards(SERVER.client(), SEEDED, 1000);
  }

  @Test
  void fiveHundredAsyncCallsAtOnceAllSucceed() {
    // The SDK's default maxConcurrentRequests (64) is below the server's 100 streams.
    Burst.retrievesAllSucceed(SERVER.client(), Burst.CALLS);
  }

  @Test
  void aLimitAboveTheServersStreamsStillGetsEveryCallThrough() {
    // 200 in flight against 100 streams: the JDK refuses the streams beyond the server's
    // limit ("too many concurrent streams"); the SDK sends them again, without retries, and
    // keeps fewer in flight from then on.
    try (ApiKeysClient client = SERVER.clientBuilder().maxConcurrentRequests(200).maxRetries(0)
        .build()) {
      Burst.retrievesAllSucceed(client, Burst.CALLS);
    }
  }

  @Test
  void twoClientsSharingOneHttpClientGetEveryCallThrough() {
    // Each client keeps up to 100 in flight on the test's one HttpClient: 200 on its
    // connection with 100 streams.
    ApiKeysClient first = SERVER.clientBuilder().maxConcurrentRequests(100).maxRetries(0).build();
    try (first;
        ApiKeysClient second = SERVER.clientBuilder().maxConcurrentRequests(100).maxRetries(0)
            .build()) {
      CompletableFuture<Void> one = CompletableFuture.runAsync(
          () -> Burst.retrievesAllSucceed(first, Burst.CALLS));
      Burst.retrievesAllSucceed(second, Burst.CALLS);
      one.join();
    }
  }
}
