package dev.apikeys.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apikeys.sdk.models.SortOrder;
import java.util.List;
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
    assertEquals(List.of("HTTP/2"), entries.stream().map(AccessLog.Entry::protocol).distinct()
        .toList());
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
}
