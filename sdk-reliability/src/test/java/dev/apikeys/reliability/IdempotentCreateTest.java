package dev.apikeys.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RawResponse;
import dev.apikeys.sdk.RequestOptions;
import dev.apikeys.sdk.errors.ConflictException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.testkit.MockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A retried create never makes two keys: every attempt carries the same {@code Idempotency-Key},
 * and the testkit replays the first result of a key it has seen.
 */
class IdempotentCreateTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API =
      new MockApiKeysServerExtension(MockApiKeysServer.builder().seed(ApiOperation.SEEDED));

  private static final String KEYS = "/v1/api_key/";
  private static final String NAME = "created once";
  private static final int CONCURRENT_CREATES = 16;

  private static final ReportTable TABLE = ReportTable.create("20-idempotent-create",
      "Idempotent create: retries and repeats never make a second key",
      "case", "POST requests", "distinct Idempotency-Key values", "keys with the name",
      "outcome")
      .note("The lost-answer case puts a proxy in front of the testkit that holds the first"
          + " answer " + InjectedFault.DELAY_MILLIS + " ms against a timeout of "
          + InjectedFault.SHORT_TIMEOUT.toMillis() + " ms, after the testkit stored the key.");

  @AfterAll
  static void writeRows() {
    TABLE.write();
  }

  static Stream<Arguments> retriedFaults() {
    return Stream.of(ClientApi.values()).flatMap(api -> Stream.of(InjectedFault.values())
        .filter(InjectedFault::retryable).map(fault -> Arguments.of(api, fault)));
  }

  @ParameterizedTest(name = "{0} create, first attempt meets {1}")
  @MethodSource("retriedFaults")
  void createRetriedAfterAFaultSendsOneIdempotencyKeyAndMakesOneKey(ClientApi api,
      InjectedFault fault) {
    MockApiKeysServer server = API.server();
    server.wireMock().stubFor(post(urlPathEqualTo(KEYS)).atPriority(1)
        .inScenario("first create fails").whenScenarioStateIs(Scenario.STARTED)
        .willSetStateTo("failed once").willReturn(fault.response()));
    ApiKeysClient.Builder builder = server.clientBuilder();
    if (fault == InjectedFault.DELAY_PAST_TIMEOUT) {
      builder.timeout(InjectedFault.SHORT_TIMEOUT);
    }

    Throwable error;
    try (ApiKeysClient client = builder.build()) {
      error = Outcomes.thrownBy(() -> ApiOperation.CREATE.call(client, api));
    }

    List<String> sent = idempotencyKeys(server.wireMock());
    List<String> named = keysNamed(ApiOperation.NEW_NAME);
    TABLE.check(List.of(api + " create, first attempt meets " + fault, sent.size(),
        Set.copyOf(sent).size(), named.size(), Outcomes.describe(error, "created")), () -> {
          assertNull(error, () -> "expected a key, got " + error);
          assertEquals(2, sent.size(), sent.toString());
          assertEquals(sent.get(0), sent.get(1), "every attempt sends the same key");
          assertEquals(sent.get(0), UUID.fromString(sent.get(0)).toString());
          assertEquals(List.of("key_0004"), named);
        });
  }

  @Test
  void sameIdempotencyKeySentTwiceMakesOneKeyAndTheSecondIsAReplay() {
    RequestOptions options = RequestOptions.builder().idempotencyKey("reliability-once").build();

    RawResponse<ApiKeyWithSecret> first;
    RawResponse<ApiKeyWithSecret> second;
    try (ApiKeysClient client = API.server().clientBuilder().build()) {
      first = client.apiKeys().withRawResponse().create(params(NAME), options);
      second = client.apiKeys().withRawResponse().create(params(NAME), options);
    }

    List<String> sent = idempotencyKeys(API.server().wireMock());
    List<String> named = keysNamed(NAME);
    TABLE.check(List.of("the same Idempotency-Key sent twice by the caller", sent.size(),
        Set.copyOf(sent).size(), named.size(), "created, then replayed"), () -> {
          assertEquals(List.of("reliability-once", "reliability-once"), sent);
          assertEquals(first.body(), second.body(), "the replay is the first result");
          assertEquals(first.body().key(), second.body().key());
          assertEquals(Optional.empty(), first.header("Idempotent-Replayed"));
          assertEquals(Optional.of("true"), second.header("Idempotent-Replayed"));
          assertEquals(List.of(first.body().id()), named);
        });
  }

  @Test
  void sameIdempotencyKeyWithAnotherBodyIsAConflictAndMakesNoSecondKey() {
    RequestOptions options = RequestOptions.builder().idempotencyKey("reliability-twice").build();

    Throwable error;
    try (ApiKeysClient client = API.server().clientBuilder().build()) {
      client.apiKeys().create(params(NAME), options);
      error = Outcomes.thrownBy(() -> client.apiKeys().create(params("another"), options));
    }

    List<String> sent = idempotencyKeys(API.server().wireMock());
    int keys = keysNamed(NAME).size() + keysNamed("another").size();
    TABLE.check(List.of("the same Idempotency-Key with another body", sent.size(),
        Set.copyOf(sent).size(), keys, Outcomes.describe(error, "created")), () -> {
          assertInstanceOf(ConflictException.class, error);
          assertEquals(4, sent.size(), "one create, then a conflict tried three times");
          assertEquals(1, keys);
        });
  }

  @Test
  void concurrentCreatesWithOneIdempotencyKeyMakeOneKey() {
    RequestOptions options = RequestOptions.builder().idempotencyKey("reliability-race").build();

    List<ApiKeyWithSecret> created;
    try (ApiKeysClient client = API.server().clientBuilder().build()) {
      List<CompletableFuture<ApiKeyWithSecret>> calls = new ArrayList<>();
      for (int i = 0; i < CONCURRENT_CREATES; i++) {
        calls.add(client.async().apiKeys().create(params(NAME), options));
      }
      created = calls.stream().map(CompletableFuture::join).toList();
    }

    List<String> sent = idempotencyKeys(API.server().wireMock());
    List<String> named = keysNamed(NAME);
    Set<String> ids = created.stream().map(ApiKeyWithSecret::id).collect(Collectors.toSet());
    TABLE.check(List.of(CONCURRENT_CREATES + " concurrent creates with one Idempotency-Key",
        sent.size(), Set.copyOf(sent).size(), named.size(), ids.size() + " distinct id"), () -> {
          assertEquals(CONCURRENT_CREATES, sent.size());
          assertEquals(1, ids.size(), ids.toString());
          assertEquals(List.copyOf(ids), named);
        });
  }

  /**
   * The case a stub cannot make: the testkit stores the key, then its answer is lost. A proxy
   * in front holds the first answer past the client's timeout; the retry is replayed.
   */
  @Test
  void createWhoseAnswerIsLostAfterTheServerStoredTheKeyIsReplayedNotRepeated() {
    MockApiKeysServer server = API.server();
    WireMockServer front = new WireMockServer(wireMockConfig().dynamicPort()
        .bindAddress("127.0.0.1"));
    front.start();
    RawResponse<ApiKeyWithSecret> created;
    try {
      front.stubFor(post(urlPathEqualTo(KEYS)).atPriority(1).inScenario("answer lost")
          .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("lost once")
          .willReturn(aResponse().proxiedFrom(server.baseUrl())
              .withFixedDelay(InjectedFault.DELAY_MILLIS)));
      front.stubFor(any(anyUrl()).atPriority(5)
          .willReturn(aResponse().proxiedFrom(server.baseUrl())));
      try (ApiKeysClient client = server.clientBuilder().baseUrl(front.baseUrl())
          .timeout(InjectedFault.SHORT_TIMEOUT).build()) {
        created = client.apiKeys().withRawResponse().create(params(NAME));
      }
    } finally {
      front.stop();
    }

    List<String> sent = idempotencyKeys(server.wireMock());
    List<String> named = keysNamed(NAME);
    TABLE.check(List.of("answer lost after the server stored the key (proxy past the timeout)",
        sent.size(), Set.copyOf(sent).size(), named.size(),
        "created, retry replayed=" + created.header("Idempotent-Replayed").orElse("false")),
        () -> {
          assertEquals(2, sent.size(), "both attempts reached the testkit");
          assertEquals(1, Set.copyOf(sent).size());
          assertEquals(Optional.of("true"), created.header("Idempotent-Replayed"));
          assertEquals(List.of(created.body().id()), named);
        });
  }

  private static CreateApiKeyParams params(String name) {
    return CreateApiKeyParams.builder().name(name).build();
  }

  /** Returns the Idempotency-Key of every create that reached the server, oldest first. */
  private static List<String> idempotencyKeys(WireMockServer server) {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    Collections.reverse(events);
    return events.stream()
        .filter(event -> event.getRequest().getMethod().getName().equals("POST"))
        .map(event -> event.getRequest().getHeader("Idempotency-Key"))
        .toList();
  }

  private static List<String> keysNamed(String name) {
    try (ApiKeysClient verifier = API.server().clientBuilder().maxRetries(0).build()) {
      List<String> ids = new ArrayList<>();
      for (ApiKey key : verifier.apiKeys().list().autoPager()) {
        if (key.name().equals(name)) {
          ids.add(key.id());
        }
      }
      return ids;
    }
  }
}
