package dev.apikeys.interop;

import dev.apikeys.sdk.models.SortOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Paging through thousands of keys of the FastAPI app on uvicorn, as issue 10 met it. */
class UvicornPagingTest {

  private static final int SEEDED = 2500;

  @RegisterExtension
  static final UvicornServer SERVER = new UvicornServer(FastApiApp.naive().seedKeys(SEEDED));

  @ParameterizedTest(name = "{0}, {1} a page")
  @CsvSource({"ASC, 1000", "DESC, 1000", "ASC, 7", "DESC, 99"})
  void theAutoPagerWalksEveryKeyOnce(SortOrder order, int limit) {
    PagingChecks.walksEveryKeyOnce(SERVER.client(), SEEDED, order, limit);
  }

  @Test
  void theAutoPagerWalksBackwardsWithBefore() {
    PagingChecks.walksBackwards(SERVER.client(), SEEDED, 1000);
  }
}
