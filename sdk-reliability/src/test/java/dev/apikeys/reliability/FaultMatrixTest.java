package dev.apikeys.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RetryPolicy;
import dev.apikeys.sdk.errors.ApiKeysServiceException;
import dev.apikeys.sdk.errors.RateLimitException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.testkit.MockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation, blocking and async, against every fault, once (then the testkit answers) and
 * on every attempt: the call recovers within its retries or ends with the exception of that
 * fault, after exactly the requests and waits that the default retry policy (without jitter)
 * allows.
 */
class FaultMatrixTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API =
      new MockApiKeysServerExtension(MockApiKeysServer.builder().seed(ApiOperation.SEEDED));

  private static final int MAX_RETRIES = RetryPolicy.defaults().maxRetries();
  /** Only a guard against a hang: the slowest case takes about one second. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);
  private static final Duration JOURNAL_BOUND = Duration.ofSeconds(2);

  private static final ReportTable TABLE = ReportTable.create("10-fault-matrix",
      "Fault matrix: each operation against each injected fault (default policy: "
          + MAX_RETRIES + " retries, no jitter; waits recorded, never slept)",
      "api", "operation", "fault", "fault happens", "requests", "outcome", "waits asked for")
      .pivot(List.of("api", "fault", "fault happens", "waits asked for"), "operation",
          List.of("outcome", "requests"))
      .note("Each cell: how the call ended / how many requests reached the server. \"On the"
          + " first attempt\": the fault answers once, then the testkit answers; \"on every"
          + " attempt\": the fault answers all three. The delay case holds the answer "
          + InjectedFault.DELAY_MILLIS + " ms against a per-attempt timeout of "
          + InjectedFault.SHORT_TIMEOUT.toMillis() + " ms.");

  /** Whether the fault ends after the first attempt or lasts. */
  enum Mode {
    ONCE, ALWAYS;

    @Override
    public String toString() {
      return this == ONCE ? "on the first attempt" : "on every attempt";
    }
  }

  @BeforeAll
  static void warmUp() {
    try (ApiKeysClient client = API.server().clientBuilder().build()) {
      client.apiKeys().list();
    }
  }

  @AfterAll
  static void writeRows() {
    TABLE.write();
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (ClientApi api : ClientApi.values()) {
      for (ApiOperation operation : ApiOperation.values()) {
        for (InjectedFault fault : InjectedFault.values()) {
          for (Mode mode : Mode.values()) {
            cases.add(Arguments.of(api, operation, fault, mode));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} meets {2} {3}")
  @MethodSource("cases")
  void callRecoversWithinItsRetriesOrEndsWithTheExceptionOfTheFault(ClientApi api,
      ApiOperation operation, InjectedFault fault, Mode mode) {
    MockApiKeysServer server = API.server();
    StubMapping injected = injectFault(server, operation, fault, mode);
    RecordingSleeper sleeper = new RecordingSleeper();
    AtomicReference<Object> result = new AtomicReference<>();

    Throwable error;
    try (ApiKeysClient client = clientFor(server, fault, sleeper)) {
      error = assertTimeoutPreemptively(HANG_GUARD,
          () -> Outcomes.thrownBy(() -> result.getAndSet(operation.call(client, api))));
    }

    boolean recovers = fault.retryable() && mode == Mode.ONCE;
    int attempts = !fault.retryable() ? 1 : mode == Mode.ONCE ? 2 : MAX_RETRIES + 1;
    // A request given up on by its timeout may reach the journal after the call has ended.
    Await.holdsWithin(JOURNAL_BOUND, () -> count(server, operation) >= attempts);
    int requests = count(server, operation);
    server.wireMock().removeStub(injected);
    TABLE.check(List.of(api, operation, fault, mode, requests,
        Outcomes.describe(error, "recovered"), Outcomes.waits(sleeper.waits())), () -> {
          server.wireMock().verify(exactly(attempts), operation.requests());
          assertEquals(expectedWaits(fault, attempts), sleeper.waits());
          try (ApiKeysClient verifier = server.clientBuilder().maxRetries(0).build()) {
            if (recovers) {
              assertNull(error, () -> "expected a recovery, got " + error);
              operation.checkTookEffect(result.get(), verifier);
            } else {
              assertFailure(fault, error);
              assertServerUnchanged(verifier);
            }
          }
        });
  }

  private static int count(MockApiKeysServer server, ApiOperation operation) {
    return server.wireMock().countRequestsMatching(operation.requests().build()).getCount();
  }

  private static StubMapping injectFault(MockApiKeysServer server, ApiOperation operation,
      InjectedFault fault, Mode mode) {
    MappingBuilder stub = operation.stub().atPriority(1).willReturn(fault.response());
    if (mode == Mode.ONCE) {
      stub = stub.inScenario("fault once").whenScenarioStateIs(Scenario.STARTED)
          .willSetStateTo("fault spent");
    }
    return server.wireMock().stubFor(stub);
  }

  private static ApiKeysClient clientFor(MockApiKeysServer server, InjectedFault fault,
      RecordingSleeper sleeper) {
    ApiKeysClient.Builder builder = server.clientBuilder().sleeper(sleeper)
        .retryPolicy(RetryPolicy.builder().jitter(0.0).build());
    if (fault == InjectedFault.DELAY_PAST_TIMEOUT) {
      builder.timeout(InjectedFault.SHORT_TIMEOUT);
    }
    return builder.build();
  }

  private static List<Duration> expectedWaits(InjectedFault fault, int attempts) {
    List<Duration> waits = new ArrayList<>();
    for (int retry = 1; retry < attempts; retry++) {
      waits.add(fault.waitBefore(retry));
    }
    return waits;
  }

  private static void assertFailure(InjectedFault fault, Throwable error) {
    assertEquals(fault.exception(), error == null ? null : error.getClass(),
        () -> "expected " + fault.exception().getSimpleName() + ", got " + error);
    if (fault.status() == 0) {
      Class<? extends Throwable> cause = fault == InjectedFault.DELAY_PAST_TIMEOUT
          ? HttpTimeoutException.class : IOException.class;
      assertInstanceOf(cause, error.getCause(), "the cause of " + error);
      return;
    }
    ApiKeysServiceException service = (ApiKeysServiceException) error;
    assertEquals(fault.status(), service.statusCode());
    assertEquals(fault.errorMessage(), service.error());
    assertEquals(fault.errorBody(), service.body());
    if (service instanceof RateLimitException) {
      assertEquals(Optional.of(Duration.ofSeconds(InjectedFault.RETRY_AFTER_SECONDS)),
          ((RateLimitException) service).retryAfter());
    }
  }

  private static void assertServerUnchanged(ApiKeysClient verifier) {
    assertEquals(List.of("Seeded key 1", "Seeded key 2", "Seeded key 3"),
        verifier.apiKeys().list().data().stream().map(ApiKey::name).toList(),
        "a call that failed before the server saw it must change nothing");
  }
}
