package dev.apikeys.testkit;

import static dev.apikeys.testkit.RawApi.KEYS;
import static dev.apikeys.testkit.RawApi.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConcurrencyTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension(
      MockApiKeysServer.builder().seed(1));

  private static final int THREADS = 8;

  private final MockApiKeysServer server;
  private final RawApi api;
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

  ConcurrencyTest(MockApiKeysServer server) {
    this.server = server;
    this.api = new RawApi(server);
  }

  @AfterEach
  void stopThreadsAndCheckTheSpec() {
    pool.shutdownNow();
    SpecContract.assertJournalConforms(server);
  }

  @Test
  void concurrentCreatesGetDistinctIdsAndAllAreKept() throws Exception {
    List<HttpResponse<String>> created = runTogether(200,
        i -> api.post(KEYS, "{\"name\": \"k" + i + "\"}").send());

    Set<String> ids = new TreeSet<>();
    created.forEach(response -> {
      assertEquals(201, response.statusCode());
      ids.add(tree(response.body()).get("id").textValue());
    });
    List<String> expected = IntStream.rangeClosed(2, 201)
        .mapToObj(n -> String.format("key_%04d", n)).toList();
    assertEquals(expected, new ArrayList<>(ids));
    assertEquals(201, tree(api.get(KEYS + "?limit=1000").send().body()).get("data").size());
  }

  @Test
  void concurrentCreatesWithOneIdempotencyKeyCreateOneKey() throws Exception {
    List<HttpResponse<String>> created = runTogether(32, i -> api.post(KEYS,
        "{\"name\": \"once\"}").header("Idempotency-Key", "same").send());

    created.forEach(response -> assertEquals(201, response.statusCode()));
    assertEquals(Set.of("key_0002"), created.stream()
        .map(response -> tree(response.body()).get("id").textValue())
        .collect(Collectors.toSet()));
    assertEquals(2, tree(api.get(KEYS).send().body()).get("data").size());
  }

  @Test
  void concurrentDeletesOfOneKeySucceedOnce() throws Exception {
    List<HttpResponse<String>> deleted =
        runTogether(16, i -> api.delete(KEYS + "key_0001").send());

    List<Integer> statuses = new ArrayList<>();
    deleted.forEach(response -> statuses.add(response.statusCode()));
    Collections.sort(statuses);
    List<Integer> expected = new ArrayList<>(Collections.nCopies(15, 404));
    expected.add(0, 204);
    assertEquals(expected, statuses);
  }

  @Test
  void concurrentUpdatesOfDifferentFieldsAreAllKept() throws Exception {
    runTogether(40, i -> i % 2 == 0
        ? api.patch(KEYS + "key_0001", "{\"name\": \"named\"}").send()
        : api.patch(KEYS + "key_0001", "{\"description\": \"described\"}").send());

    var key = tree(api.get(KEYS + "key_0001").send().body());
    assertEquals("named", key.get("name").textValue());
    assertEquals("described", key.get("description").textValue());
  }

  private interface Task<T> {
    T run(int index);
  }

  private <T> List<T> runTogether(int count, Task<T> task)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<Callable<T>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      calls.add(() -> task.run(index));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> future : pool.invokeAll(calls, 20, TimeUnit.SECONDS)) {
      results.add(future.get(0, TimeUnit.SECONDS));
    }
    return results;
  }
}
