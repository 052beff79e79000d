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
 * Every operation, blocking and async, on each transport, against every fault, once (then the
 * testkit answers) and on every attempt: the call recovers within its retries or ends with the
 * exception of that fault, after exactly the requests and waits that the default retry policy
 * (without jitter) allows, counting the JDK's own resend of a GET whose connection closed before
 * any answer ({@link InjectedFault#requestsPerAttempt}); Apache HttpClient resends nothing.
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
      "transport", "api", "operation", "fault", "fault happens", "outcome", "requests",
      "waits asked for")
      .pivot(List.of("transport", "api", "fault", "fault happens"), "operation")
      .note("Each cell: how the call ended / how many requests reached the server / the waits"
          + " the SDK asked of its Sleeper before its retries. \"On the first attempt\": the"
          + " fault answers once, then the testkit answers; \"on every attempt\": the fault"
          + " answers every request. The delay case holds the answer "
          + InjectedFault.DELAY_MILLIS + " ms against a per-attempt timeout of "
          + InjectedFault.SHORT_TIMEOUT.toMillis() + " ms.")
      .note("A GET (list, retrieve) whose connection ends before any byte of an answer"
          + " (connection reset, empty response) is sent a second time by the JDK's own"
          + " HTTP/1.1 client, once, inside the same attempt of the SDK: two requests an"
          + " attempt, no wait. So a fault on the first request only is absorbed without a retry"
          + " of the SDK, and a lasting one reaches the server twice per attempt. PATCH, POST"
          + " and DELETE are never resent by the JDK; a malformed chunk (after the headers) and"
          + " random data (a broken status line) are not resent either. Apache HttpClient's own"
          + " retries are off: one request an attempt, always.");

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
    for (TransportKind transport : TransportKind.values()) {
      for (ClientApi api : ClientApi.values()) {
        for (ApiOperation operation : ApiOperation.values()) {
          for (InjectedFault fault : InjectedFault.values()) {
            for (Mode mode : Mode.values()) {
              cases.add(Arguments.of(transport, api, operation, fault, mode));
            }
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} meets {3} {4}")
  @MethodSource("cases")
  void callRecoversWithinItsRetriesOrEndsWithTheExceptionOfTheFault(TransportKind transport,
      ClientApi api, ApiOperation operation, InjectedFault fault, Mode mode) {
    MockApiKeysServer server = API.server();
    StubMapping injected = injectFault(server, operation, fault, mode);
    RecordingSleeper sleeper = new RecordingSleeper();
    AtomicReference<Object> result = new AtomicReference<>();

    Throwable error;
    try (ApiKeysClient client = clientFor(transport, server, fault, sleeper)) {
      error = assertTimeoutPreemptively(HANG_GUARD,
          () -> Outcomes.thrownBy(() -> result.getAndSet(operation.call(client, api))));
    }

    boolean recovers = fault.retryable() && mode == Mode.ONCE;
    int perAttempt = fault.requestsPerAttempt(operation, transport);
    int attempts = attempts(perAttempt, fault, mode);
    int requests = attempts * perAttempt;
    // A request given up on by its timeout may reach the journal after the call has ended.
    Await.holdsWithin(JOURNAL_BOUND, () -> count(server, operation) >= requests);
    int seen = count(server, operation);
    server.wireMock().removeStub(injected);
    TABLE.check(List.of(transport, api, operation, fault, mode,
        Outcomes.describe(error, "recovered"), seen, Outcomes.waits(sleeper.waits())),
        knownBug(transport, api, fault), () -> {
          server.wireMock().verify(exactly(requests), operation.requests());
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

  /**
   * Returns how many attempts of the SDK the call makes: one for a fault it does not retry; for
   * a fault on the first request only, two, unless the JDK's resend within the first attempt
   * already met the testkit; for a lasting fault, every attempt the policy allows.
   */
  private static int attempts(int requestsPerAttempt, InjectedFault fault, Mode mode) {
    if (!fault.retryable()) {
      return 1;
    }
    if (mode == Mode.ALWAYS) {
      return MAX_RETRIES + 1;
    }
    return requestsPerAttempt > 1 ? 1 : 2;
  }

  /** Returns what is known to be wrong with a case, or null. */
  private static String knownBug(TransportKind transport, ClientApi api, InjectedFault fault) {
    return transport == TransportKind.APACHE && api == ClientApi.ASYNC
        && fault == InjectedFault.RANDOM_DATA_THEN_CLOSE
        ? "Apache's async client, random data then close: one request, no retry" : null;
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

  private static ApiKeysClient clientFor(TransportKind transport, MockApiKeysServer server,
      InjectedFault fault, RecordingSleeper sleeper) {
    ApiKeysClient.Builder builder = transport.on(server.clientBuilder()).sleeper(sleeper)
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
