package dev.apikeys.interop;

import static dev.apikeys.interop.FastApiApp.seededId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.ApiKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Many async calls at once, all started before any is awaited. */
final class Burst {

  /** How many calls a burst makes: five times the servers' stream limit. */
  static final int CALLS = 500;

  private Burst() {
  }

  /**
   * Starts {@code calls} async retrieves of the 25 first seeded keys at once, waits for all,
   * and checks that each one got its key; the failure message counts the calls that failed,
   * by exception and root cause.
   *
   * @param client the client
   * @param calls how many calls
   */
  static void retrievesAllSucceed(ApiKeysClient client, int calls) {
    List<CompletableFuture<ApiKey>> futures = new ArrayList<>(calls);
    for (int i = 0; i < calls; i++) {
      futures.add(client.async().apiKeys().retrieve(seededId(1 + i % 25)));
    }
    Map<String, Integer> failures = new TreeMap<>();
    for (int i = 0; i < calls; i++) {
      try {
        ApiKey key = futures.get(i).get(2, TimeUnit.MINUTES);
        assertEquals(seededId(1 + i % 25), key.id());
      } catch (Exception e) {
        failures.merge(describe(e), 1, Integer::sum);
      }
    }

    assertEquals(Map.of(), failures, calls + " calls at once: failures by kind");
  }

  /** The exception of the call (without its path, so that failures group) and its root. */
  private static String describe(Throwable failure) {
    Throwable e = failure;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return e.getClass().getSimpleName() + " caused by " + root;
  }
}
