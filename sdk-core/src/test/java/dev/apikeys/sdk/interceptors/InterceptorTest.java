package dev.apikeys.sdk.interceptors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RequestOptions;
import dev.apikeys.sdk.RetryPolicy;
import dev.apikeys.sdk.SdkServer;
import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Interceptors see every call and attempt, in their documented positions, and no secret. */
class InterceptorTest {

  private static final String TOKEN = "sk-interceptor-test-token-77f3";
  private static final String SECRET = "sk-live-created-secret-9c2d41";
  private static final String KEY_PATH = "/v1/api_key/key_1";

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private final List<ApiKeysClient> clients = new ArrayList<>();

  @AfterEach
  void closeClients() {
    clients.forEach(ApiKeysClient::close);
  }

  private ApiKeysClient client(Interceptor... interceptors) {
    ApiKeysClient.Builder builder = server.client().token(TOKEN)
        .retryPolicy(RetryPolicy.builder().maxRetries(2).jitter(0).build())
        .sleeper(duration -> CompletableFuture.completedFuture(null));
    for (Interceptor interceptor : interceptors) {
      builder.addInterceptor(interceptor);
    }
    ApiKeysClient client = builder.build();
    clients.add(client);
    return client;
  }

  @Test
  void aCallAndItsAttemptsAreSeenInTheirOrder() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(okJson(key("key_1"))
        .withHeader("x-request-id", "req_1")));
    Recorder recorder = new Recorder("r");

    client(recorder).apiKeys().retrieve("key_1");

    assertEquals(List.of(
        "r.beforeCall retrieveApiKey GET /v1/api_key/{id} /v1/api_key/key_1",
        "r.beforeAttempt 1",
        "r.afterAttempt 1 status=200 failure=none requestId=req_1",
        "r.afterCall status=200 exception=none requestId=req_1 attempts=1"), recorder.events);
  }

  @Test
  void retriesAreAttemptsOfOneCall() {
    stubInOrder(aResponse().withStatus(503), aResponse().withStatus(503),
        okJson(key("key_1")));
    Recorder recorder = new Recorder("r");

    client(recorder).apiKeys().retrieve("key_1");

    assertEquals(List.of(
        "r.beforeCall retrieveApiKey GET /v1/api_key/{id} /v1/api_key/key_1",
        "r.beforeAttempt 1", "r.afterAttempt 1 status=503 failure=none requestId=none",
        "r.beforeAttempt 2", "r.afterAttempt 2 status=503 failure=none requestId=none",
        "r.beforeAttempt 3", "r.afterAttempt 3 status=200 failure=none requestId=none",
        "r.afterCall status=200 exception=none requestId=none attempts=3"), recorder.events);
  }

  @Test
  void callHeadersGoWithEveryAttemptAndAttemptHeadersWithTheirOwn() {
    stubInOrder(aResponse().withStatus(503), okJson(key("key_1")));
    Interceptor headers = new Interceptor() {
      @Override
      public void beforeCall(CallContext call) {
        call.addHeader("x-team", "payments");
      }

      @Override
      public void beforeAttempt(AttemptContext attempt) {
        attempt.addHeader("x-attempt", Integer.toString(attempt.number()));
      }
    };

    client(headers).apiKeys().retrieve("key_1");

    server.verify(exactly(2), getRequestedFor(urlEqualTo(KEY_PATH))
        .withHeader("x-team", equalTo("payments")));
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH))
        .withHeader("x-attempt", equalTo("1")));
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH))
        .withHeader("x-attempt", equalTo("2")));
  }

  @Test
  void clientInterceptorsRunAroundPerCallOnesInAStack() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(okJson(key("key_1"))));
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    Recorder a = new Recorder("a", events);
    Recorder b = new Recorder("b", events);
    Recorder c = new Recorder("c", events);

    client(a, b).apiKeys().retrieve("key_1", RequestOptions.builder().addInterceptor(c).build());

    assertEquals(List.of("a.beforeCall", "b.beforeCall", "c.beforeCall",
        "a.beforeAttempt", "b.beforeAttempt", "c.beforeAttempt",
        "c.afterAttempt", "b.afterAttempt", "a.afterAttempt",
        "c.afterCall", "b.afterCall", "a.afterCall"),
        events.stream().map(event -> event.substring(0, event.indexOf(' ') < 0
            ? event.length() : event.indexOf(' '))).toList());
  }

  @Test
  void aBeforeCallThatThrowsStopsTheCallBeforeAnyRequest() {
    server.stubFor(any(anyUrl()).willReturn(okJson(key("key_1"))));
    Recorder first = new Recorder("first");
    Interceptor failing = new Interceptor() {
      @Override
      public void beforeCall(CallContext call) {
        throw new IllegalStateException("no budget left");
      }
    };

    ApiKeysException e = assertThrows(ApiKeysException.class,
        () -> client(first, failing).apiKeys().retrieve("key_1"));

    assertTrue(e.getMessage().startsWith("interceptor " + failing.getClass().getName()
        + " failed in beforeCall (java.lang.IllegalStateException); the call was stopped"
        + " before sending"), e.getMessage());
    assertInstanceOf(IllegalStateException.class, e.getCause());
    server.verify(exactly(0), anyRequestedFor(anyUrl()));
    assertEquals(List.of(
        "first.beforeCall retrieveApiKey GET /v1/api_key/{id} /v1/api_key/key_1",
        "first.afterCall status=none exception=ApiKeysException requestId=none attempts=0"),
        first.events);
  }

  @Test
  void aManagedHeaderIsRefusedSoTheTokenCannotBeReplaced() {
    Interceptor sneaky = new Interceptor() {
      @Override
      public void beforeCall(CallContext call) {
        call.addHeader("Authorization", "Bearer other");
      }
    };

    ApiKeysException e = assertThrows(ApiKeysException.class,
        () -> client(sneaky).apiKeys().retrieve("key_1"));

    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    server.verify(exactly(0), anyRequestedFor(anyUrl()));
  }

  @Test
  void aBeforeAttemptThatThrowsSendsNothingMore() {
    stubInOrder(aResponse().withStatus(503), okJson(key("key_1")));
    Recorder recorder = new Recorder("r");
    Interceptor secondAttemptRefused = new Interceptor() {
      @Override
      public void beforeAttempt(AttemptContext attempt) {
        if (attempt.number() == 2) {
          throw new IllegalStateException("circuit open");
        }
      }
    };

    ApiKeysException e = assertThrows(ApiKeysException.class,
        () -> client(recorder, secondAttemptRefused).apiKeys().retrieve("key_1"));

    assertTrue(e.getMessage().contains("failed in beforeAttempt"), e.getMessage());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(
        "r.beforeCall retrieveApiKey GET /v1/api_key/{id} /v1/api_key/key_1",
        "r.beforeAttempt 1", "r.afterAttempt 1 status=503 failure=none requestId=none",
        "r.beforeAttempt 2", "r.afterAttempt 2 status=none failure=none requestId=none",
        "r.afterCall status=none exception=ApiKeysException requestId=none attempts=2"),
        recorder.events);
  }

  @Test
  void anAfterHookThatThrowsNeverChangesTheOutcome() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(okJson(key("key_1"))));
    server.stubFor(get(urlEqualTo("/v1/api_key/gone")).willReturn(aResponse().withStatus(404)
        .withBody("{\"error\": \"API key not found\"}")));
    Interceptor failingAfter = new Interceptor() {
      @Override
      public void afterAttempt(AttemptContext attempt, AttemptOutcome outcome) {
        throw new IllegalStateException("metrics backend down");
      }

      @Override
      public void afterCall(CallContext call, CallOutcome outcome) {
        throw new IllegalStateException("metrics backend down");
      }
    };
    ApiKeysClient client = client(failingAfter);

    assertEquals("key_1", client.apiKeys().retrieve("key_1").id());
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> client.apiKeys().retrieve("gone"));

    assertEquals("API key not found", e.error());
    assertEquals(2, e.getSuppressed().length);
    assertEquals("metrics backend down", e.getSuppressed()[0].getMessage());
  }

  @Test
  void anErrorStatusAndANetworkFailureAreTheOutcome() throws IOException {
    server.stubFor(get(urlEqualTo("/v1/api_key/gone")).willReturn(aResponse().withStatus(404)
        .withHeader("x-request-id", "req_9").withBody("{\"error\": \"API key not found\"}")));
    Recorder recorder = new Recorder("r");

    assertThrows(NotFoundException.class, () -> client(recorder).apiKeys().retrieve("gone"));

    assertEquals("r.afterCall status=404 exception=NotFoundException requestId=req_9 attempts=1",
        recorder.events.get(3));
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Recorder refused = new Recorder("r");
    ApiKeysClient nowhere = ApiKeysClient.builder().baseUrl("http://127.0.0.1:" + closedPort)
        .token(TOKEN).maxRetries(0).addInterceptor(refused).build();
    clients.add(nowhere);

    assertThrows(ApiKeysIoException.class, () -> nowhere.apiKeys().retrieve("key_1"));

    assertEquals(List.of(
        "r.beforeCall retrieveApiKey GET /v1/api_key/{id} /v1/api_key/key_1",
        "r.beforeAttempt 1",
        "r.afterAttempt 1 status=none failure=ConnectException requestId=none",
        "r.afterCall status=none exception=ApiKeysIoException requestId=none attempts=1"),
        refused.events);
  }

  @Test
  void anAsyncCallEndsItsHooksBeforeItsFutureCompletes() throws Exception {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(okJson(key("key_1"))));
    Recorder recorder = new Recorder("r");

    CompletableFuture<List<String>> seen = client(recorder).async().apiKeys()
        .retrieve("key_1").thenApply(key -> List.copyOf(recorder.events));

    assertEquals(List.of(
        "r.beforeCall retrieveApiKey GET /v1/api_key/{id} /v1/api_key/key_1",
        "r.beforeAttempt 1", "r.afterAttempt 1 status=200 failure=none requestId=none",
        "r.afterCall status=200 exception=none requestId=none attempts=1"),
        seen.get(5, TimeUnit.SECONDS));
  }

  @Test
  void attributesCarryStateFromBeforeToAfter() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(okJson(key("key_1"))));
    List<Object> carried = new ArrayList<>();
    Interceptor timer = new Interceptor() {
      @Override
      public void beforeCall(CallContext call) {
        call.attributes().put("started", "sample-1");
      }

      @Override
      public void afterCall(CallContext call, CallOutcome outcome) {
        carried.add(call.attributes().get("started"));
      }
    };

    client(timer).apiKeys().retrieve("key_1");

    assertEquals(List.of("sample-1"), carried);
  }

  @Test
  void derivedClientsKeepTheInterceptorsUnlessCleared() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(okJson(key("key_1"))));
    Recorder recorder = new Recorder("r");
    ApiKeysClient client = client(recorder);
    ApiKeysClient derived = client.withOptions(builder -> builder.accountId("acct_2"));
    ApiKeysClient cleared = client.withOptions(ApiKeysClient.Builder::clearInterceptors);
    clients.add(derived);
    clients.add(cleared);

    derived.apiKeys().retrieve("key_1");
    cleared.apiKeys().retrieve("key_1");

    assertEquals(4, recorder.events.size());
  }

  @Test
  void noValueAnInterceptorSeesHoldsTheTokenOrACreatedKeysSecret() {
    server.stubFor(post(urlEqualTo("/v1/api_key/")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(key("key_9").replace("}", ",\"key\":\"" + SECRET + "\"}"))));
    server.stubFor(get(urlEqualTo("/v1/api_key/bad")).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\": \"bad\", \"key\": \"" + SECRET + "\"}")));
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    Interceptor everything = new Interceptor() {
      @Override
      public void beforeCall(CallContext call) {
        seen.addAll(List.of(call.operationId(), call.method(), call.pathTemplate(), call.path(),
            call.attributes().toString(), call.toString()));
      }

      @Override
      public void beforeAttempt(AttemptContext attempt) {
        seen.addAll(List.of(attempt.toString(), attempt.call().toString(),
            Integer.toString(attempt.number())));
      }

      @Override
      public void afterAttempt(AttemptContext attempt, AttemptOutcome outcome) {
        seen.add(outcome.toString());
        outcome.failure().ifPresent(failure -> seen.add(describe(failure)));
      }

      @Override
      public void afterCall(CallContext call, CallOutcome outcome) {
        seen.add(outcome.toString());
        outcome.exception().ifPresent(exception -> seen.add(describe(exception)));
      }
    };
    ApiKeysClient client = client(everything);

    ApiKeyWithSecret created = client.apiKeys().create(
        CreateApiKeyParams.builder().name("ci").build());
    assertThrows(ApiKeysException.class, () -> client.apiKeys().retrieve("bad"));

    assertEquals(SECRET, created.key());
    assertTrue(seen.size() > 20, seen.toString());
    for (String value : seen) {
      assertFalse(value.contains(TOKEN), value);
      assertFalse(value.contains(SECRET), value);
    }
  }

  private static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      text.append(t).append(' ');
      for (Throwable suppressed : t.getSuppressed()) {
        text.append(suppressed).append(' ');
      }
    }
    if (failure instanceof dev.apikeys.sdk.errors.ApiKeysServiceException) {
      dev.apikeys.sdk.errors.ApiKeysServiceException service =
          (dev.apikeys.sdk.errors.ApiKeysServiceException) failure;
      text.append(service.body()).append(' ').append(service.error()).append(' ')
          .append(service.headers());
    }
    return text.toString();
  }

  private static void stubInOrder(
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
    for (int i = 0; i < answers.length; i++) {
      var mapping = get(urlEqualTo(KEY_PATH)).inScenario("in-order")
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer-" + i)
          .willReturn(answers[i]);
      if (i + 1 < answers.length) {
        mapping.willSetStateTo("answer-" + (i + 1));
      }
      server.stubFor(mapping);
    }
  }

  private static String key(String id) {
    return "{\"id\":\"" + id + "\",\"name\":\"ci\",\"created_date\":\"2023-11-07T05:31:56Z\","
        + "\"last_four_digits\":\"a1b2\",\"creator_id\":\"u\",\"restricted\":false,"
        + "\"permissions\":[]}";
  }

  /** Records every hook as one line. */
  private static final class Recorder implements Interceptor {
    private final String name;
    private final List<String> events;

    Recorder(String name) {
      this(name, Collections.synchronizedList(new ArrayList<>()));
    }

    Recorder(String name, List<String> events) {
      this.name = name;
      this.events = events;
    }

    @Override
    public void beforeCall(CallContext call) {
      events.add(name + ".beforeCall " + call.operationId() + " " + call.method() + " "
          + call.pathTemplate() + " " + call.path());
    }

    @Override
    public void beforeAttempt(AttemptContext attempt) {
      events.add(name + ".beforeAttempt " + attempt.number());
    }

    @Override
    public void afterAttempt(AttemptContext attempt, AttemptOutcome outcome) {
      events.add(name + ".afterAttempt " + attempt.number() + " status="
          + (outcome.statusCode().isPresent() ? outcome.statusCode().getAsInt() : "none")
          + " failure=" + outcome.failure().map(e -> e.getClass().getSimpleName()).orElse("none")
          + " requestId=" + outcome.requestId().orElse("none"));
    }

    @Override
    public void afterCall(CallContext call, CallOutcome outcome) {
      events.add(name + ".afterCall status="
          + (outcome.statusCode().isPresent() ? outcome.statusCode().getAsInt() : "none")
          + " exception=" + outcome.exception().map(e -> e.getClass().getSimpleName())
              .orElse("none")
          + " requestId=" + outcome.requestId().orElse("none")
          + " attempts=" + outcome.attempts());
    }
  }
}
