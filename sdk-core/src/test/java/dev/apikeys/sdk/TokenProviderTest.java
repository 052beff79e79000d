package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.apikeys.sdk.RuntimeFixtures.WAIT_SECONDS;
import static dev.apikeys.sdk.RuntimeFixtures.key;
import static dev.apikeys.sdk.RuntimeFixtures.policy;
import static dev.apikeys.sdk.RuntimeFixtures.stubInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apikeys.sdk.RuntimeFixtures.FakeTime;
import dev.apikeys.sdk.RuntimeFixtures.RecordingSleeper;
import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.AuthenticationException;
import dev.apikeys.sdk.errors.BadRequestException;
import dev.apikeys.sdk.interceptors.AttemptContext;
import dev.apikeys.sdk.interceptors.AttemptOutcome;
import dev.apikeys.sdk.interceptors.CallContext;
import dev.apikeys.sdk.interceptors.CallOutcome;
import dev.apikeys.sdk.interceptors.Interceptor;
import dev.apikeys.sdk.models.ApiKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Credentials from a {@link TokenProvider}: asked for on each attempt, renewed once after a 401
 * (one renewal shared by concurrent calls), failures that name the provider, the token masked.
 */
class TokenProviderTest {

  private static final String KEY_PATH = "/v1/api_key/key_1";
  private static final String OLD = "tok-old-1a2b";
  private static final String NEW = "tok-new-3c4d";

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private final RecordingSleeper sleeper = RecordingSleeper.immediate();
  private final RotatingProvider provider = new RotatingProvider(OLD, NEW);
  private ApiKeysClient client;

  @BeforeEach
  void setUp() {
    client = clientWith(provider).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void eachAttemptAsksTheProviderAndSendsItsToken() {
    SequenceProvider sequence = new SequenceProvider("tok-a", "tok-b");
    stubInOrder(server, () -> get(urlEqualTo(KEY_PATH)), serviceUnavailable(),
        okJson(key("key_1")));

    ApiKey key = clientWith(sequence).build().apiKeys().retrieve("key_1");

    assertEquals("key_1", key.id());
    assertEquals(2, sequence.asked.get());
    assertEquals(List.of("Bearer tok-a", "Bearer tok-b"), authorizations());
  }

  @Test
  void a401InvalidatesAndRepeatsOnceWithTheNewTokenWithoutCountingARetry() {
    stubRotation();
    RecordingInterceptor seen = new RecordingInterceptor();

    ApiKey key = clientWith(provider).maxRetries(0).addInterceptor(seen).build()
        .apiKeys().retrieve("key_1");

    assertEquals("key_1", key.id());
    assertEquals(List.of(OLD), provider.invalidated);
    assertEquals(2, provider.asked.get());
    assertEquals(List.of("Bearer " + OLD, "Bearer " + NEW), authorizations());
    assertEquals(List.of("before 1", "after 1: 401", "before 1", "after 1: 200"), seen.events);
    assertEquals(2, seen.callOutcome.attempts());
    assertEquals(List.of(), sleeper.durations());
  }

  @Test
  void theRepeatIsNoRetrySoItsFailureCanStillBeRetried() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).withHeader("Authorization", equalTo("Bearer " + OLD))
        .willReturn(status(401)));
    stubInOrder(server, () -> get(urlEqualTo(KEY_PATH))
        .withHeader("Authorization", equalTo("Bearer " + NEW)),
        serviceUnavailable(), okJson(key("key_1")));

    ApiKey key = clientWith(provider).maxRetries(1).build().apiKeys().retrieve("key_1");

    assertEquals("key_1", key.id());
    assertEquals(List.of("Bearer " + OLD, "Bearer " + NEW, "Bearer " + NEW), authorizations());
    assertEquals(1, sleeper.durations().size());
    assertEquals(3, provider.asked.get());
  }

  @Test
  void anUnchangedTokenAfterInvalidateEndsTheCallWithTheFirst401() {
    server.stubFor(get(urlEqualTo(KEY_PATH))
        .willReturn(status(401).withBody("{\"error\": \"unknown token\"}")));
    RotatingProvider stuck = new RotatingProvider(OLD, OLD);
    ApiKeysClient stuckClient = clientWith(stuck).build();

    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> stuckClient.apiKeys().retrieve("key_1"));
    assertThrows(AuthenticationException.class, () -> stuckClient.apiKeys().retrieve("key_1"));

    assertEquals("unknown token", e.error());
    // A renewal that gave the same token is not kept: the next 401 tells the provider again.
    assertEquals(List.of(OLD, OLD), stuck.invalidated);
    assertEquals(List.of("Bearer " + OLD, "Bearer " + OLD), authorizations());
  }

  @Test
  void aFixedTokenMeetingA401IsNotRepeated() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(status(401)));

    assertThrows(AuthenticationException.class, () -> ApiKeysClient.builder()
        .baseUrl(server.baseUrl()).token(OLD).sleeper(sleeper).build()
        .apiKeys().retrieve("key_1"));

    assertEquals(List.of("Bearer " + OLD), authorizations());
  }

  @Test
  void noRepeatOnceTheCallsDeadlineHasPassed() {
    stubRotation();
    FakeTime time = new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
    RecordingSleeper clockMover = time.sleeper();
    // The renewal takes two seconds of the call's one.
    RotatingProvider slow = new RotatingProvider(OLD, NEW,
        () -> clockMover.sleep(Duration.ofSeconds(2)));

    AuthenticationException e = assertThrows(AuthenticationException.class,
        () -> clientWith(slow).clock(time).callTimeout(Duration.ofSeconds(1)).build()
            .apiKeys().retrieve("key_1"));

    assertEquals("token revoked", e.error());
    assertEquals(List.of(OLD), slow.invalidated);
    assertEquals(List.of("Bearer " + OLD), authorizations());
  }

  @Test
  void fiftyConcurrent401sOfTheSameTokenShareOneInvalidate() throws Exception {
    stubRotation();
    int calls = 50;
    CountDownLatch rejected = new CountDownLatch(calls);
    // The renewal waits until every call met its 401, so that all of them meet it concurrently.
    RotatingProvider slow = new RotatingProvider(OLD, NEW, () -> awaitQuietly(rejected));
    Interceptor counting = new Interceptor() {
      @Override
      public void afterAttempt(AttemptContext attempt, AttemptOutcome outcome) {
        if (outcome.statusCode().orElse(0) == 401) {
          rejected.countDown();
        }
      }
    };
    ApiKeysClient shared = clientWith(slow).addInterceptor(counting).build();
    ExecutorService threads = Executors.newFixedThreadPool(calls);
    try {
      List<Future<ApiKey>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        results.add(threads.submit(() -> shared.apiKeys().retrieve("key_1")));
      }
      for (Future<ApiKey> result : results) {
        assertEquals("key_1", result.get(WAIT_SECONDS * 2, TimeUnit.SECONDS).id());
      }
    } finally {
      threads.shutdownNow();
    }

    assertEquals(0, rejected.getCount(), "every call met a 401 before the renewal ended");
    assertEquals(List.of(OLD), slow.invalidated);
    assertEquals(calls + 1, slow.asked.get());
    server.verify(calls, getRequestedFor(urlEqualTo(KEY_PATH))
        .withHeader("Authorization", equalTo("Bearer " + OLD)));
    server.verify(calls, getRequestedFor(urlEqualTo(KEY_PATH))
        .withHeader("Authorization", equalTo("Bearer " + NEW)));
  }

  @Test
  void aProviderThatThrowsEndsTheCallBeforeAnyRequest() {
    IllegalStateException boom = new IllegalStateException("vault sealed");
    ThrowingProvider throwing = new ThrowingProvider(boom);

    ApiKeysException e = assertThrows(ApiKeysException.class,
        () -> clientWith(throwing).build().apiKeys().retrieve("key_1"));

    assertEquals("token provider " + ThrowingProvider.class.getName()
        + " threw java.lang.IllegalStateException in token(); the request was not sent",
        e.getMessage());
    assertSame(boom, e.getCause());
    assertEquals(List.of(), authorizations());
  }

  @Test
  void aProviderThatReturnsNullOrBlankEndsTheCallBeforeAnyRequest() {
    ApiKeysException none = assertThrows(ApiKeysException.class,
        () -> clientWith(new SequenceProvider((String) null)).build().apiKeys()
            .retrieve("key_1"));
    ApiKeysException blank = assertThrows(ApiKeysException.class,
        () -> clientWith(new SequenceProvider(" ")).build().apiKeys().retrieve("key_1"));
    ApiKeysException broken = assertThrows(ApiKeysException.class,
        () -> clientWith(new SequenceProvider("tok\r\nX-Evil: 1")).build().apiKeys()
            .retrieve("key_1"));

    String name = "token provider " + SequenceProvider.class.getName();
    assertEquals(name + " returned null from token(); the request was not sent",
        none.getMessage());
    assertNull(none.getCause());
    assertEquals(name + " returned a blank token from token(); the request was not sent",
        blank.getMessage());
    assertEquals(name + " returned a token unfit for a header from token() (the token must"
        + " not contain CR, LF or NUL characters); the request was not sent",
        broken.getMessage());
    assertEquals(List.of(), authorizations());
  }

  @Test
  void aProviderThatThrowsOnARetryEndsTheCallWithoutAnotherRetry() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(serviceUnavailable()));
    IllegalStateException boom = new IllegalStateException("vault sealed");
    Supplier<String> firstThenFail = new Supplier<>() {
      private final AtomicInteger calls = new AtomicInteger();

      @Override
      public String get() {
        if (calls.incrementAndGet() > 1) {
          throw boom;
        }
        return OLD;
      }
    };

    ApiKeysException e = assertThrows(ApiKeysException.class,
        () -> clientWith(firstThenFail::get).maxRetries(2).build().apiKeys().retrieve("key_1"));

    assertSame(boom, e.getCause());
    assertTrue(e.getMessage().endsWith(" threw java.lang.IllegalStateException in token();"
        + " the request was not sent"), e.getMessage());
    assertEquals(List.of("Bearer " + OLD), authorizations());
  }

  @Test
  void anInvalidateThatThrowsEndsTheCallWithoutARepeat() {
    stubRotation();
    IllegalStateException boom = new IllegalStateException("vault sealed");
    RotatingProvider failing = new RotatingProvider(OLD, NEW, () -> {
      throw boom;
    });

    ApiKeysException e = assertThrows(ApiKeysException.class,
        () -> clientWith(failing).build().apiKeys().retrieve("key_1"));

    assertEquals("token provider " + RotatingProvider.class.getName()
        + " threw java.lang.IllegalStateException in invalidate(String) after a 401;"
        + " the request was not repeated", e.getMessage());
    assertSame(boom, e.getCause());
    assertEquals(List.of("Bearer " + OLD), authorizations());
  }

  @Test
  void theAsyncPathRenewsAndRepeatsTheSameWay() throws Exception {
    stubRotation();

    ApiKey key = client.async().apiKeys().retrieve("key_1")
        .get(WAIT_SECONDS, TimeUnit.SECONDS);

    assertEquals("key_1", key.id());
    assertEquals(List.of(OLD), provider.invalidated);
    assertEquals(List.of("Bearer " + OLD, "Bearer " + NEW), authorizations());
  }

  @Test
  void theAsyncPathFailsWithTheProvidersFailure() {
    IllegalStateException boom = new IllegalStateException("vault sealed");

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> clientWith(new ThrowingProvider(boom)).build().async().apiKeys()
            .retrieve("key_1").get(WAIT_SECONDS, TimeUnit.SECONDS));

    ApiKeysException failure = assertInstanceOf(ApiKeysException.class, e.getCause());
    assertSame(boom, failure.getCause());
    assertEquals(List.of(), authorizations());
  }

  @Test
  void derivedClientsShareTheProviderAndItsRenewal() {
    stubRotation();
    ApiKeysClient derived = client.withOptions(b -> b.accountId("acct_2"));

    assertEquals("key_1", derived.apiKeys().retrieve("key_1").id());
    assertEquals("key_1", client.toBuilder().build().apiKeys().retrieve("key_1").id());

    assertEquals(List.of(OLD), provider.invalidated);
    assertEquals(List.of("Bearer " + OLD, "Bearer " + NEW, "Bearer " + NEW), authorizations());
    assertEquals("acct_2", requests().get(1).getHeader("x-account-id"));
  }

  @Test
  void aDerivedClientCanSwapTheProviderForAFixedTokenAndBack() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(okJson(key("key_1"))));

    client.withOptions(b -> b.token("tok-fixed")).apiKeys().retrieve("key_1");
    ApiKeysClient fixed = ApiKeysClient.builder().baseUrl(server.baseUrl()).token("tok-fixed")
        .build();
    fixed.withOptions(b -> b.tokenProvider(provider)).apiKeys().retrieve("key_1");

    assertEquals(List.of("Bearer tok-fixed", "Bearer " + OLD), authorizations());
  }

  @Test
  void aTokenEchoedByTheServerIsMaskedForTheProvidedTokenToo() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(status(400)
        .withBody("{\"error\": \"token " + OLD + " is malformed\", \"echo\": \"" + OLD + "\"}")));

    BadRequestException e = assertThrows(BadRequestException.class,
        () -> client.apiKeys().retrieve("key_1"));

    assertEquals("token **** is malformed", e.error());
    assertFalse(e.body().contains(OLD), e.body());
    assertFalse(e.getMessage().contains(OLD), e.getMessage());
  }

  @Test
  void settingBothATokenAndAProviderFailsAtBuildNamingBoth() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ApiKeysClient.builder().token("tok-fixed").tokenProvider(provider).build());

    assertEquals("token and tokenProvider are alternatives, but both were set (token(...) or"
        + " APIKEYS_TOKEN, and tokenProvider(...)): set one", e.getMessage());
    NullPointerException none = assertThrows(NullPointerException.class,
        () -> ApiKeysClient.builder().tokenProvider(null));
    assertEquals("tokenProvider must not be null", none.getMessage());
  }

  @Test
  void toStringNamesTheProviderAndNeverAToken() {
    ApiKeysClient.Builder builder = ApiKeysClient.builder().tokenProvider(provider);

    assertTrue(builder.toString().contains("tokenProvider=" + RotatingProvider.class.getName()),
        builder.toString());
    assertFalse(builder.toString().contains(OLD), builder.toString());
    assertFalse(client.toString().contains(OLD), client.toString());
    String derived = client.toBuilder().toString();
    assertTrue(derived.contains("token=unset, tokenProvider="
        + RotatingProvider.class.getName()), derived);
    assertTrue(ApiKeysClient.builder().token(OLD).build().toBuilder().toString()
        .contains("token=****, tokenProvider=unset"));
  }

  private ApiKeysClient.Builder clientWith(TokenProvider tokens) {
    return ApiKeysClient.builder()
        .baseUrl(server.baseUrl())
        .tokenProvider(tokens)
        .retryPolicy(policy(2))
        .sleeper(sleeper);
  }

  /** Stubs the rotation: the old token gets 401, the new one the key. */
  private static void stubRotation() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).withHeader("Authorization", equalTo("Bearer " + OLD))
        .willReturn(status(401).withBody("{\"error\": \"token revoked\"}")));
    server.stubFor(get(urlEqualTo(KEY_PATH)).withHeader("Authorization", equalTo("Bearer " + NEW))
        .willReturn(okJson(key("key_1"))));
  }

  private static List<LoggedRequest> requests() {
    return server.findAll(getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  private static List<String> authorizations() {
    return requests().stream().map(request -> request.getHeader("Authorization")).toList();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Gives {@code before} until invalidated, then {@code after}; counts and records. */
  static final class RotatingProvider implements TokenProvider {
    private final String after;
    private final Runnable onInvalidate;
    private final AtomicInteger asked = new AtomicInteger();
    private final List<String> invalidated = new CopyOnWriteArrayList<>();
    private volatile String current;

    RotatingProvider(String before, String after) {
      this(before, after, () -> { });
    }

    RotatingProvider(String before, String after, Runnable onInvalidate) {
      this.current = before;
      this.after = after;
      this.onInvalidate = onInvalidate;
    }

    @Override
    public String token() {
      asked.incrementAndGet();
      return current;
    }

    @Override
    public void invalidate(String rejectedToken) {
      invalidated.add(rejectedToken);
      onInvalidate.run();
      current = after;
    }
  }

  /** Gives these tokens in turn, the last one again and again. */
  static final class SequenceProvider implements TokenProvider {
    private final String[] tokens;
    private final AtomicInteger asked = new AtomicInteger();

    SequenceProvider(String... tokens) {
      this.tokens = tokens;
    }

    @Override
    public String token() {
      int index = asked.getAndIncrement();
      return tokens[Math.min(index, tokens.length - 1)];
    }
  }

  /** Throws on every token(). */
  static final class ThrowingProvider implements TokenProvider {
    private final RuntimeException failure;

    ThrowingProvider(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public String token() {
      throw failure;
    }
  }

  /** Records the attempt hooks and the call's outcome. */
  private static final class RecordingInterceptor implements Interceptor {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private volatile CallOutcome callOutcome;

    @Override
    public void beforeAttempt(AttemptContext attempt) {
      events.add("before " + attempt.number());
    }

    @Override
    public void afterAttempt(AttemptContext attempt, AttemptOutcome outcome) {
      events.add("after " + attempt.number() + ": " + outcome.statusCode().orElse(-1));
    }

    @Override
    public void afterCall(CallContext call, CallOutcome outcome) {
      callOutcome = outcome;
    }
  }
}
