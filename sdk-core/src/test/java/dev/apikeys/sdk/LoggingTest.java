package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.apikeys.sdk.RuntimeFixtures.TOKEN;
import static dev.apikeys.sdk.RuntimeFixtures.key;
import static dev.apikeys.sdk.RuntimeFixtures.keyWithSecret;
import static dev.apikeys.sdk.RuntimeFixtures.page;
import static dev.apikeys.sdk.RuntimeFixtures.policy;
import static dev.apikeys.sdk.RuntimeFixtures.stubInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.apikeys.sdk.RuntimeFixtures.RecordingSleeper;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the client logs to the {@code dev.apikeys.sdk} logger (java.util.logging by default):
 * one line an attempt, bodies with secrets masked at DEBUG, never the token or a secret.
 */
class LoggingTest {

  private static final String KEY_PATH = "/v1/api_key/key_1";
  private static final String SECRET = "sk_live_9d8c7b6a5f4e3d2c1b0a";
  private static final String ELAPSED = " in \\d+ ms";

  /** Held strongly: java.util.logging keeps loggers only weakly. */
  private static final Logger SDK_LOGGER = Logger.getLogger(ApiKeysClient.LOGGER_NAME);

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private final CapturingHandler captured = new CapturingHandler();
  private Level previousLevel;
  private boolean previousUseParentHandlers;

  @BeforeEach
  void attachHandler() {
    previousLevel = SDK_LOGGER.getLevel();
    previousUseParentHandlers = SDK_LOGGER.getUseParentHandlers();
    SDK_LOGGER.setLevel(Level.ALL);
    SDK_LOGGER.setUseParentHandlers(false);
    SDK_LOGGER.addHandler(captured);
  }

  @AfterEach
  void detachHandlerAndCheckNothingSecretWasLogged() {
    SDK_LOGGER.removeHandler(captured);
    SDK_LOGGER.setLevel(previousLevel);
    SDK_LOGGER.setUseParentHandlers(previousUseParentHandlers);
    for (String line : captured.lines()) {
      assertFalse(line.contains(TOKEN), line);
      assertFalse(line.contains("Bearer"), line);
      assertFalse(line.toLowerCase(Locale.ROOT).contains("authorization"), line);
      assertFalse(line.contains(SECRET), line);
    }
  }

  @Test
  void infoLogsOneLinePerAttemptWithMethodPathStatusAttemptAndElapsedTime() {
    stubInOrder(server, () -> get(urlEqualTo(KEY_PATH)),
        serviceUnavailable(), okJson(key("key_1")));

    client(LogLevel.INFO).apiKeys().retrieve("key_1");

    List<String> lines = captured.lines(Level.INFO);
    assertEquals(2, lines.size(), lines.toString());
    assertMatches("GET /v1/api_key/key_1 -> 503 attempt 1" + ELAPSED, lines.get(0));
    assertMatches("GET /v1/api_key/key_1 -> 200 attempt 2" + ELAPSED, lines.get(1));
  }

  @Test
  void infoLogsNeitherTheQueryNorBodies() {
    server.stubFor(get(urlEqualTo("/v1/api_key/?limit=1&after=key_0"))
        .willReturn(okJson(page(false, "key_1"))));

    client(LogLevel.INFO).apiKeys().list(ListApiKeysParams.builder().limit(1)
        .after("key_0").build());

    List<String> lines = captured.lines();
    assertEquals(1, lines.size(), lines.toString());
    assertMatches("GET /v1/api_key/ -> 200 attempt 1" + ELAPSED, lines.get(0));
  }

  @Test
  void failedAttemptIsLoggedWithTheKindOfFailure() {
    server.stubFor(get(urlEqualTo(KEY_PATH))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThrows(ApiKeysIoException.class, () -> client(LogLevel.INFO).apiKeys()
        .retrieve("key_1", RequestOptions.builder().maxRetries(0).build()));

    List<String> lines = captured.lines(Level.INFO);
    assertEquals(1, lines.size(), lines.toString());
    // The JDK names a reset SocketException, IOException or ClosedChannelException, by timing;
    // what matters is that the cause is named, not the CompletionException around it.
    assertMatches("GET /v1/api_key/key_1 -> failed \\((?!CompletionException)\\w+Exception\\)"
        + " attempt 1" + ELAPSED, lines.get(0));
  }

  @Test
  void timedOutAttemptIsLoggedAsATimeout() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(okJson(key("key_1"))
        .withFixedDelay(1000)));

    assertThrows(ApiKeysIoException.class, () -> client(LogLevel.INFO).apiKeys()
        .retrieve("key_1", RequestOptions.builder().maxRetries(0)
            .timeout(Duration.ofMillis(200)).build()));

    List<String> lines = captured.lines(Level.INFO);
    assertEquals(1, lines.size(), lines.toString());
    assertMatches("GET /v1/api_key/key_1 -> failed \\(HttpTimeoutException\\) attempt 1"
        + ELAPSED, lines.get(0));
  }

  @Test
  void debugAddsBodiesWithTheSecretKeyMasked() {
    server.stubFor(post(urlEqualTo("/v1/api_key/")).willReturn(status(201)
        .withHeader("Content-Type", "application/json")
        .withBody(keyWithSecret("key_1", SECRET))));

    ApiKeyWithSecret created = client(LogLevel.DEBUG).apiKeys()
        .create(CreateApiKeyParams.builder().name("ci").build());

    assertEquals(SECRET, created.key());
    List<String> lines = captured.lines(Level.INFO);
    assertEquals(2, lines.size(), lines.toString());
    assertEquals("POST /v1/api_key/ attempt 1 request body: {\"name\":\"ci\"}", lines.get(0));
    assertMatches("POST /v1/api_key/ -> 201 attempt 1" + ELAPSED + " response body: .*",
        lines.get(1));
    assertTrue(lines.get(1).contains("\"key\":\"****\""), lines.get(1));
    assertTrue(lines.get(1).contains("\"id\":\"key_1\""), lines.get(1));
  }

  @Test
  void debugLogsEveryAttemptOfAnUpdateWithItsBody() {
    stubInOrder(server, () -> patch(urlEqualTo(KEY_PATH)),
        status(500).withBody("{\"error\": \"oops\"}"), okJson(key("key_1")));

    client(LogLevel.DEBUG).apiKeys().update("key_1",
        UpdateApiKeyParams.builder().name("renamed").build());

    List<String> lines = captured.lines(Level.INFO);
    assertEquals(4, lines.size(), lines.toString());
    assertEquals("PATCH /v1/api_key/key_1 attempt 1 request body: {\"name\":\"renamed\"}",
        lines.get(0));
    assertMatches("PATCH /v1/api_key/key_1 -> 500 attempt 1" + ELAPSED
        + " response body: \\{\"error\": \"oops\"\\}", lines.get(1));
    assertEquals("PATCH /v1/api_key/key_1 attempt 2 request body: {\"name\":\"renamed\"}",
        lines.get(2));
    assertMatches("PATCH /v1/api_key/key_1 -> 200 attempt 2" + ELAPSED + " response body: .*",
        lines.get(3));
  }

  @Test
  void debugMasksTheProvidedTokenOfEachAttemptWhereTheServerEchoesIt() {
    stubInOrder(server, () -> get(urlEqualTo(KEY_PATH)),
        status(500).withBody("{\"error\": \"bad tok-attempt-one\"}"),
        okJson(key("key_1").replace("}", ", \"note\": \"sent tok-attempt-two\"}")));
    Iterator<String> tokens = List.of("tok-attempt-one", "tok-attempt-two").iterator();

    ApiKeysClient.builder().baseUrl(server.baseUrl()).tokenProvider(tokens::next)
        .retryPolicy(policy(2)).sleeper(RecordingSleeper.immediate())
        .logLevel(LogLevel.DEBUG).build().apiKeys().retrieve("key_1");

    List<String> lines = captured.lines(Level.INFO);
    assertEquals(2, lines.size(), lines.toString());
    assertMatches("GET /v1/api_key/key_1 -> 500 attempt 1" + ELAPSED
        + " response body: \\{\"error\": \"bad \\*\\*\\*\\*\"\\}", lines.get(0));
    assertMatches("GET /v1/api_key/key_1 -> 200 attempt 2" + ELAPSED
        + " response body: .*\"sent \\*\\*\\*\\*\".*", lines.get(1));
  }

  @Test
  void offLogsEachAttemptOnlyBelowInfoAndWithoutBodies() {
    server.stubFor(post(urlEqualTo("/v1/api_key/")).willReturn(status(201)
        .withHeader("Content-Type", "application/json")
        .withBody(keyWithSecret("key_1", SECRET))));

    client(LogLevel.OFF).apiKeys().create(CreateApiKeyParams.builder().name("ci").build());

    assertEquals(List.of(), captured.lines(Level.INFO));
    List<String> lines = captured.lines();
    assertEquals(1, lines.size(), lines.toString());
    assertMatches("POST /v1/api_key/ -> 201 attempt 1" + ELAPSED, lines.get(0));
  }

  @Test
  void plainHttpToAnotherHostLogsAWarningAtBuild() {
    ApiKeysClient.builder().baseUrl("http://api.example.com").token(TOKEN).build();

    List<String> warnings = captured.lines(Level.WARNING);
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("http://api.example.com"), warnings.get(0));
    assertTrue(warnings.get(0).contains("plain http"), warnings.get(0));
  }

  @Test
  void httpsOrThisMachineLogsNoWarning() {
    ApiKeysClient.builder().baseUrl("https://api.example.com").token(TOKEN).build();
    ApiKeysClient.builder().baseUrl("http://localhost:3000").token(TOKEN).build();
    ApiKeysClient.builder().baseUrl("http://127.0.0.1:8080").token(TOKEN).build();
    ApiKeysClient.builder().baseUrl(server.baseUrl()).token(TOKEN).build();

    assertEquals(List.of(), captured.lines(Level.WARNING));
  }

  private ApiKeysClient client(LogLevel level) {
    return server.client(RecordingSleeper.immediate()).logLevel(level).build();
  }

  private static void assertMatches(String regex, String line) {
    assertTrue(line.matches(regex), "expected /" + regex + "/ but was: " + line);
  }

  /** Keeps every record published to the SDK's logger. */
  private static final class CapturingHandler extends Handler {
    private final List<LogRecord> records = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    CapturingHandler() {
      setLevel(Level.ALL);
    }

    @Override
    public synchronized void publish(LogRecord record) {
      records.add(record);
    }

    /** Returns every message captured, in order. */
    synchronized List<String> lines() {
      return records.stream().map(formatter::formatMessage).toList();
    }

    /** Returns the messages captured at {@code level} or above, in order. */
    synchronized List<String> lines(Level level) {
      return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
          .map(formatter::formatMessage).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }
}
