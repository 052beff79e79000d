package dev.apikeys.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.ApiKeysServiceAsync;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import dev.apikeys.testkit.MockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many threads, and many asynchronous chains, share one client through thousands of mixed
 * operations: none fails, no update is lost, and listing everything at the end with the
 * auto-pager gives exactly the state that the operations imply.
 *
 * <p>Each worker owns keys that it creates, renames round after round (reading each back), and
 * half deletes. Workers also share keys in pairs: one of each pair renames a shared key, the
 * other rewrites its description, so the final key must hold the last write of both: an update
 * that sent fields it did not change would lose the other's writes.
 */
class SharedClientConcurrencyTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension();

  private static final int WORKERS = 32;
  private static final int SHARED_KEYS = WORKERS / 2;
  private static final int OWN_KEYS = 6;
  private static final int ROUNDS = 4;
  private static final int SHARED_WRITES = 8;
  private static final int ASYNC_OWN_KEYS = 4;
  private static final int ASYNC_ROUNDS = 3;
  private static final int ASYNC_SHARED_WRITES = 6;
  private static final long BOUND_SECONDS = 60;

  private static final ReportTable TABLE = ReportTable.create("60-concurrency",
      "Concurrency: one shared client, mixed operations, final state listed and compared",
      "run", "workers", "operations", "create / retrieve / update / list / delete", "errors",
      "keys at the end (listed / expected)")
      .note("Each worker creates its own keys, renames them round after round reading each"
          + " back, lists, and deletes half; workers also share keys in pairs, one renaming and"
          + " the other rewriting the description, so an update that resent unchanged fields"
          + " would lose writes. At the end the auto-pager lists every key and the result is"
          + " compared with what the operations imply; the server must have seen exactly one"
          + " request per operation.");

  private final Map<String, LongAdder> operations = new ConcurrentHashMap<>();
  private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
  private final Map<String, String> expected = new ConcurrentHashMap<>();

  @AfterAll
  static void writeRows() {
    TABLE.write();
  }

  @Test
  void threadsSharingOneBlockingClientLoseNoUpdateAndLeaveTheExpectedKeys() throws Exception {
    MockApiKeysServer server = API.server();
    List<String> shared = server.seed(SHARED_KEYS);
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    CountDownLatch start = new CountDownLatch(1);
    try (ApiKeysClient client = server.clientBuilder().build()) {
      List<CompletableFuture<Void>> done = new ArrayList<>();
      for (int worker = 0; worker < WORKERS; worker++) {
        int number = worker;
        done.add(CompletableFuture.runAsync(() -> {
          awaitQuietly(start);
          runBlockingWorker(client, number, shared.get(number / 2));
        }, workers));
      }
      start.countDown();
      CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
          .get(BOUND_SECONDS, TimeUnit.SECONDS);
    } finally {
      workers.shutdownNow();
    }
    expectShared(shared, SHARED_WRITES);

    checkFinalState("blocking: " + WORKERS + " threads share one client", server);
  }

  @Test
  void asyncChainsSharingOneClientLoseNoUpdateAndLeaveTheExpectedKeys() throws Exception {
    MockApiKeysServer server = API.server();
    List<String> shared = server.seed(SHARED_KEYS);
    try (ApiKeysClient client = server.clientBuilder().build()) {
      ApiKeysServiceAsync keys = client.async().apiKeys();
      List<CompletableFuture<Void>> lanes = IntStream.range(0, WORKERS)
          .mapToObj(lane -> asyncLane(keys, lane, shared.get(lane / 2))
              .exceptionally(error -> {
                errors.add(error);
                return null;
              }))
          .toList();
      CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new))
          .get(BOUND_SECONDS, TimeUnit.SECONDS);
    }
    expectShared(shared, ASYNC_SHARED_WRITES);

    checkFinalState("async: " + WORKERS + " concurrent chains share one client", server);
  }

  private void runBlockingWorker(ApiKeysClient client, int worker, String sharedId) {
    try {
      var keys = client.apiKeys();
      List<String> own = new ArrayList<>();
      for (int i = 0; i < OWN_KEYS; i++) {
        CreateApiKeyParams params = CreateApiKeyParams.builder().name(ownName(worker, i, 0))
            .description(owner(worker)).build();
        own.add(count("create", () -> keys.create(params)).id());
      }
      for (int round = 1; round <= ROUNDS; round++) {
        for (int i = 0; i < OWN_KEYS; i++) {
          String name = ownName(worker, i, round);
          String id = own.get(i);
          check(name, count("update", () -> keys.update(id, UpdateApiKeyParams.builder()
              .name(name).build())).name());
        }
        for (int i = 0; i < OWN_KEYS; i++) {
          String id = own.get(i);
          check(ownName(worker, i, round), count("retrieve", () -> keys.retrieve(id))
              .name());
        }
        count("list", () -> keys.list(ListApiKeysParams.builder().limit(20).build()));
      }
      for (int write = 1; write <= SHARED_WRITES; write++) {
        UpdateApiKeyParams change = sharedChange(worker, write);
        count("update", () -> keys.update(sharedId, change));
      }
      for (int i = 0; i < OWN_KEYS; i++) {
        String id = own.get(i);
        if (i % 2 == 0) {
          count("delete", () -> {
            keys.delete(id);
            return null;
          });
          expectGone(() -> keys.retrieve(id));
        } else {
          expected.put(id, ownName(worker, i, ROUNDS) + " / " + owner(worker));
        }
      }
    } catch (RuntimeException | AssertionError e) {
      errors.add(e);
    }
  }

  private CompletableFuture<Void> asyncLane(ApiKeysServiceAsync keys, int lane,
      String sharedId) {
    List<CompletableFuture<ApiKeyWithSecret>> creates = IntStream.range(0, ASYNC_OWN_KEYS)
        .mapToObj(i -> countAsync("create", () -> keys.create(CreateApiKeyParams.builder()
            .name(ownName(lane, i, 0)).description(owner(lane)).build())))
        .toList();
    return CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> creates.stream().map(CompletableFuture::join)
            .map(ApiKeyWithSecret::id).toList())
        .thenCompose(own -> inSequence(1, ASYNC_ROUNDS, round -> asyncRound(keys, lane, own,
            round))
            .thenCompose(ignored -> inSequence(1, ASYNC_SHARED_WRITES,
                write -> countAsync("update", () -> keys.update(sharedId,
                    sharedChange(lane, write))).thenApply(key -> null)))
            .thenCompose(ignored -> asyncFinish(keys, lane, own)));
  }

  private CompletableFuture<Void> asyncRound(ApiKeysServiceAsync keys, int lane,
      List<String> own, int round) {
    List<CompletableFuture<Void>> steps = new ArrayList<>();
    for (int i = 0; i < own.size(); i++) {
      String id = own.get(i);
      String name = ownName(lane, i, round);
      steps.add(countAsync("update", () -> keys.update(id, UpdateApiKeyParams.builder()
          .name(name).build()))
          .thenCompose(updated -> {
            check(name, updated.name());
            return countAsync("retrieve", () -> keys.retrieve(id));
          })
          .thenAccept(read -> check(name, read.name())));
    }
    return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new));
  }

  private CompletableFuture<Void> asyncFinish(ApiKeysServiceAsync keys, int lane,
      List<String> own) {
    List<CompletableFuture<?>> steps = new ArrayList<>();
    for (int i = 0; i < own.size(); i++) {
      String id = own.get(i);
      if (i % 2 == 0) {
        steps.add(countAsync("delete", () -> keys.delete(id)));
      } else {
        expected.put(id, ownName(lane, i, ASYNC_ROUNDS) + " / " + owner(lane));
      }
    }
    steps.add(countAsync("list", () -> keys.list(ListApiKeysParams.builder().limit(20)
        .build())));
    return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new));
  }

  /**
   * Lists every key with the auto-pager and compares with what the operations imply; checks
   * that the server saw exactly the operations counted (no hidden retry).
   */
  private void checkFinalState(String run, MockApiKeysServer server) {
    int requests = server.wireMock().getAllServeEvents().size();
    Map<String, String> listed = new TreeMap<>();
    try (ApiKeysClient verifier = server.clientBuilder().maxRetries(0).build()) {
      for (ApiKey key : verifier.apiKeys().list(ListApiKeysParams.builder().limit(100)
          .build()).autoPager()) {
        listed.put(key.id(), key.name() + " / " + key.description().orElse(""));
      }
    }
    long total = operations.values().stream().mapToLong(LongAdder::sum).sum();
    String breakdown = List.of("create", "retrieve", "update", "list", "delete").stream()
        .map(name -> String.valueOf(operations.getOrDefault(name, new LongAdder()).sum()))
        .collect(Collectors.joining(" / "));
    TABLE.check(List.of(run, WORKERS, total, breakdown, errors.size(),
        listed.size() + " / " + expected.size()), () -> {
          assertEquals(List.of(), List.copyOf(errors));
          assertEquals(new TreeMap<>(expected), listed);
          assertEquals(total, requests, "every operation is one request: none retried");
        });
  }

  private void expectShared(List<String> shared, int writes) {
    for (int key = 0; key < shared.size(); key++) {
      expected.put(shared.get(key), "shared " + key + " name v" + writes + " / shared " + key
          + " description v" + writes);
    }
  }

  /**
   * The change a worker makes to its pair's shared key: even workers rename it, odd ones
   * rewrite its description; {@code write} numbers the writes so the last one is known.
   */
  private static UpdateApiKeyParams sharedChange(int worker, int write) {
    int key = worker / 2;
    return worker % 2 == 0
        ? UpdateApiKeyParams.builder().name("shared " + key + " name v" + write).build()
        : UpdateApiKeyParams.builder().description("shared " + key + " description v" + write)
            .build();
  }

  private void expectGone(Supplier<ApiKey> retrieve) {
    try {
      count("retrieve", retrieve);
      errors.add(new AssertionError("a deleted key was still found"));
    } catch (NotFoundException expectedError) {
      // The key is gone, as it must be.
    }
  }

  private <T> T count(String operation, Supplier<T> call) {
    operations.computeIfAbsent(operation, name -> new LongAdder()).increment();
    return call.get();
  }

  private <T> CompletableFuture<T> countAsync(String operation,
      Supplier<CompletableFuture<T>> call) {
    return count(operation, call);
  }

  private void check(String expectedName, String actualName) {
    if (!expectedName.equals(actualName)) {
      errors.add(new AssertionError("lost update: expected " + expectedName + ", read "
          + actualName));
    }
  }

  private static CompletableFuture<Void> inSequence(int from, int to,
      IntFunction<CompletableFuture<Void>> step) {
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (int i = from; i <= to; i++) {
      int number = i;
      chain = chain.thenCompose(ignored -> step.apply(number));
    }
    return chain;
  }

  private static String ownName(int worker, int key, int version) {
    return "worker " + worker + " key " + key + " v" + version;
  }

  private static String owner(int worker) {
    return "owned by worker " + worker;
  }

  private static void awaitQuietly(CountDownLatch start) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted before the start", e);
    }
  }
}
