package dev.apikeys.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.LogLevel;
import dev.apikeys.sdk.RawResponse;
import dev.apikeys.sdk.RequestOptions;
import dev.apikeys.sdk.RetryPolicy;
import dev.apikeys.sdk.errors.ApiKeysServiceException;
import dev.apikeys.sdk.errors.AuthenticationException;
import dev.apikeys.sdk.errors.BadRequestException;
import dev.apikeys.sdk.errors.InvalidDataException;
import dev.apikeys.sdk.errors.InvalidResponseException;
import dev.apikeys.sdk.errors.UnprocessableEntityException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyList;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import dev.apikeys.testkit.MockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Neither the token nor a created key's secret appears in what the SDK shows: every log record
 * at DEBUG, every exception's message, toString, causes and suppressed exceptions, and the
 * toString of every model, client, builder and option. Plain http to another host warns.
 */
class SecretHygieneTest {

  private static final String TOKEN = "sk-reliability-admin-7c1e9f3a5b2d4e6f8091a2b3";
  /** The secret of a create answer that the SDK cannot read. */
  private static final String UNREAD_SECRET = "sk-mock-" + "ab".repeat(16);
  /** The secret that odd answers put in odd places. */
  private static final String ODD_SECRET = "sk-odd-secret-" + "ef".repeat(14);

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension(
      MockApiKeysServer.builder().adminToken(TOKEN).seed(ApiOperation.SEEDED));

  /** Held strongly: java.util.logging keeps loggers only weakly. */
  private static final Logger SDK_LOGGER = Logger.getLogger(ApiKeysClient.LOGGER_NAME);

  private static final ReportTable TABLE = ReportTable.create("40-secrets",
      "Secrets: the token and created keys' secrets, looked for everywhere the SDK shows text",
      "transport", "where", "texts checked", "secrets looked for", "leaks")
      .note("Secrets looked for: the bearer token, and each created key's full secret and its"
          + " second half. Exceptions are checked in their message, toString, stack trace,"
          + " causes and suppressed exceptions, and in body() and details(): the body an"
          + " exception keeps has its secret fields masked. Odd answers put secrets where a"
          + " server might: in the create answer of a key whose other fields are odd, in a"
          + " secret field of the wrong type, in a body cut off after the secret, in a 422's"
          + " validation items, in error bodies, and in fields the SDK does not know (secret,"
          + " token, api_key, nested or not).");

  /** The transport column of checks made by the builder, before any transport is used. */
  private static final String ANY_TRANSPORT = "(builder)";

  private final CapturingHandler log = new CapturingHandler();
  private Level previousLevel;

  @AfterAll
  static void writeRows() {
    TABLE.write();
  }

  @BeforeEach
  void captureTheSdkLogger() {
    previousLevel = SDK_LOGGER.getLevel();
    SDK_LOGGER.setLevel(Level.ALL);
    SDK_LOGGER.addHandler(log);
  }

  @AfterEach
  void releaseTheSdkLogger() {
    SDK_LOGGER.removeHandler(log);
    SDK_LOGGER.setLevel(previousLevel);
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void debugRunOfEveryOperationAndFailureShowsNoTokenAndNoSecret(TransportKind transport) {
    MockApiKeysServer server = API.server();
    List<String> secrets = new ArrayList<>(List.of(TOKEN, UNREAD_SECRET));
    List<Throwable> errors = new ArrayList<>();
    List<Object> shown = new ArrayList<>();
    ApiKeysClient.Builder builder = transport.on(server.clientBuilder()).token(TOKEN)
        .logLevel(LogLevel.DEBUG).sleeper(new RecordingSleeper())
        .retryPolicy(RetryPolicy.builder().jitter(0.0).build());
    try (ApiKeysClient client = builder.build()) {
      shown.addAll(List.of(builder, client, client.toBuilder(), client.apiKeys(),
          client.async(), RetryPolicy.defaults()));
      exerciseSuccesses(client, secrets, shown);
      exerciseFailures(client, server, errors, shown);
    }

    List<String> logLines = log.lines();
    List<String> errorTexts = errors.stream().flatMap(e -> texts(e).stream()).toList();
    List<String> shownTexts = shown.stream().map(String::valueOf).toList();
    checkNoLeak(transport, "java.util.logging records of " + ApiKeysClient.LOGGER_NAME
        + " at DEBUG", logLines, secrets);
    checkNoLeak(transport, "exceptions: message, toString, stack trace, causes, suppressed",
        errorTexts, secrets);
    checkNoLeak(transport,
        "toString of models, pages, raw responses, client, builders, options", shownTexts,
        secrets);
    assertEquals(10, secrets.size(), "the token, the unread secret and 4 created keys' two");
    assertTrue(logLines.stream().anyMatch(line -> line.contains("response body: ")
        && line.contains("\"key\":\"****\"")), "DEBUG logged the masked create bodies");
    assertTrue(errors.size() >= 8, "the failures ran: " + errors.size());
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void oddAndUnreadableAnswersShowNoSecretInExceptionsModelsOrBodies(TransportKind transport) {
    WireMockServer wireMock = API.server().wireMock();
    List<Throwable> errors = new ArrayList<>();
    List<Object> shown = new ArrayList<>();
    try (ApiKeysClient client = transport.on(API.server().clientBuilder()).token(TOKEN)
        .maxRetries(0).build()) {
      var keys = client.apiKeys();
      CreateApiKeyParams create = CreateApiKeyParams.builder().name("odd").build();
      for (String answer : List.of(
          WireJson.key(k -> k.put("key", ODD_SECRET).put("created_date", "not a date")),
          WireJson.key(k -> k.putObject("key").put("value", ODD_SECRET)),
          WireJson.key(k -> k.putArray("key").add(ODD_SECRET)))) {
        ApiKeyWithSecret created = answeredBy(wireMock, ApiOperation.CREATE,
            aResponse().withStatus(201).withBody(answer), () -> keys.create(create));
        shown.add(created);
        errors.add(Outcomes.thrownBy(created::validate));
        errors.add(Outcomes.thrownBy(created::createdDate));
        errors.add(Outcomes.thrownBy(created::key));
      }
      String whole = WireJson.key(k -> { }).replaceFirst(",", ",\"key\":\"" + ODD_SECRET
          + "\",");
      Throwable unreadable = answeredBy(wireMock, ApiOperation.CREATE, aResponse()
          .withStatus(201).withBody(whole.substring(0, whole.indexOf("\"restricted\"") + 4)),
          () -> Outcomes.thrownBy(() -> keys.create(create)));
      errors.add(unreadable);
      ApiKeyWithSecret partial = assertInstanceOf(InvalidResponseException.class, unreadable)
          .partial(ApiKeyWithSecret.class).orElseThrow();
      shown.add(partial);
      errors.add(Outcomes.thrownBy(partial::validate));
      errors.add(answeredBy(wireMock, ApiOperation.CREATE, aResponse().withStatus(422)
          .withBody("{\"detail\": [{\"loc\": [\"body\", \"key\"], \"msg\": \"bad key\","
              + " \"type\": \"value_error\", \"input\": {\"key\": \"" + ODD_SECRET + "\"}},"
              + " {\"loc\": [\"header\", \"authorization\"], \"msg\": {\"token\": \""
              + TOKEN + "\"}, \"type\": \"auth\"}]}"),
          () -> Outcomes.thrownBy(() -> keys.create(create))));
      errors.add(answeredBy(wireMock, ApiOperation.RETRIEVE, aResponse().withStatus(400)
          .withBody("{\"error\": {\"code\": \"bad\", \"token\": \"" + TOKEN + "\"},"
              + " \"secret\": \"" + ODD_SECRET + "\", \"errors\": [{\"api_key\": \""
              + ODD_SECRET + "\"}]}"),
          () -> Outcomes.thrownBy(() -> keys.retrieve(ApiOperation.TARGET_ID))));
      String unknown = WireJson.key(k -> k.put("secret", ODD_SECRET).put("token", TOKEN)
          .putObject("metadata").put("api_key", ODD_SECRET).putArray("tokens")
          .addObject().put("access_token", TOKEN));
      shown.add(answeredBy(wireMock, ApiOperation.RETRIEVE, okJson(unknown),
          () -> keys.retrieve(ApiOperation.TARGET_ID)));
      shown.add(answeredBy(wireMock, ApiOperation.RETRIEVE, okJson(unknown),
          () -> keys.withRawResponse().retrieve(ApiOperation.TARGET_ID)));
      ApiKeyPage page = answeredBy(wireMock, ApiOperation.LIST, okJson("{\"data\": ["
          + unknown + "], \"has_more\": false, \"token\": \"" + TOKEN + "\"}"), keys::list);
      shown.addAll(List.of(page, page.data()));
    }

    List<String> secrets = List.of(TOKEN, ODD_SECRET, ODD_SECRET.substring(12));
    checkNoLeak(transport, "odd answers: InvalidDataException (accessors, validate()),"
        + " exceptions with body(), details(), partial()", errors.stream().filter(e -> e != null)
        .flatMap(e -> texts(e).stream()).toList(), secrets);
    checkNoLeak(transport, "odd answers: toString of models with odd or unknown secret fields, of"
        + " partial(), of a page and a raw response", shown.stream().map(String::valueOf)
        .toList(), secrets);
    Class<?> odd = InvalidDataException.class;
    assertEquals(Arrays.asList(odd, odd, null, odd, null, odd, odd, null, odd,
        InvalidResponseException.class, odd, UnprocessableEntityException.class,
        BadRequestException.class), errors.stream().map(e -> e == null ? null : e.getClass())
        .toList(), "every odd answer failed where documented");
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void tokenEchoedByTheServerInItsErrorTextIsMasked(TransportKind transport) {
    WireMockServer wireMock = API.server().wireMock();
    List<Throwable> errors = new ArrayList<>();
    try (ApiKeysClient client = transport.on(API.server().clientBuilder()).token(TOKEN)
        .maxRetries(0).build()) {
      for (String body : List.of(
          "{\"error\": \"invalid token " + TOKEN + "\"}",
          "{\"detail\": [{\"loc\": [\"header\"], \"msg\": \"bad " + TOKEN + "\"}]}",
          "{\"detail\": [{\"loc\": [\"header\", \"authorization\"], \"msg\": \"bad\","
              + " \"input\": \"Bearer " + TOKEN + "\"}]}",
          "Unauthorized: Bearer " + TOKEN)) {
        errors.add(answeredBy(wireMock, ApiOperation.RETRIEVE,
            aResponse().withStatus(401).withBody(body),
            () -> Outcomes.thrownBy(() -> client.apiKeys().retrieve(ApiOperation.TARGET_ID))));
      }
    }

    for (Throwable error : errors) {
      assertInstanceOf(AuthenticationException.class, error);
      for (String text : texts(error)) {
        assertFalse(text.contains(TOKEN), text);
      }
    }
  }

  /** Makes the call while the server answers the operation with {@code response}. */
  private static <T> T answeredBy(WireMockServer wireMock, ApiOperation operation,
      ResponseDefinitionBuilder response, Supplier<T> call) {
    StubMapping stub = wireMock.stubFor(operation.stub().atPriority(1).willReturn(response));
    try {
      return call.get();
    } finally {
      wireMock.removeStub(stub);
    }
  }

  /** Characters the JDK refuses in a header value, whose message would quote the value. */
  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"0007", "0001", "007F", "20AC"})
  void tokenTheJdkWouldRefuseFailsInTheBuilderWithoutShowingIt(String codePoint) {
    String token = TOKEN + (char) Integer.parseInt(codePoint, 16);

    Throwable error = Outcomes.thrownBy(() -> {
      try (ApiKeysClient client = API.server().clientBuilder().token(token).build()) {
        return client.apiKeys().list();
      }
    });

    TABLE.check(List.of(ANY_TRANSPORT, "a token with U+" + codePoint + ": refused by the builder",
        1, 1,
        error != null && texts(error).stream().anyMatch(text -> text.contains(TOKEN)) ? 1 : 0),
        () -> {
          IllegalArgumentException invalid = assertInstanceOf(IllegalArgumentException.class,
              error);
          assertTrue(invalid.getMessage().startsWith("token "), invalid.getMessage());
          assertFalse(texts(invalid).stream().anyMatch(text -> text.contains(TOKEN)),
              invalid.getMessage());
          assertEquals(0, API.server().wireMock().getAllServeEvents().size(),
              "it must fail before any request");
        });
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void debugMasksTheSecretOfAFieldNameWrittenWithEscapes(TransportKind transport) {
    String secret = "sk-escaped-" + "cd".repeat(12);
    String body = WireJson.key(key -> key.put("key", secret)).replace("\"key\"",
        "\"k\\u0065y\"");
    API.server().wireMock().stubFor(ApiOperation.CREATE.stub().atPriority(1)
        .willReturn(aResponse().withStatus(201).withBody(body)));

    ApiKeyWithSecret created;
    try (ApiKeysClient client = transport.on(API.server().clientBuilder()).token(TOKEN)
        .logLevel(LogLevel.DEBUG).build()) {
      created = client.apiKeys().create(CreateApiKeyParams.builder().name("escaped").build());
    }

    List<String> lines = log.lines();
    TABLE.check(List.of(transport,
        "DEBUG log of a create answer whose \"key\" is written with escapes", lines.size(), 1,
        leaks(lines, List.of(secret))), () -> {
          assertEquals(secret, created.key(), "the parser reads the escaped name as key");
          assertEquals(0, leaks(lines, List.of(secret)), lines.toString());
        });
  }

  @ParameterizedTest(name = "{0}: warning {1}")
  @CsvSource({
      "http://api.example.com, true",
      "http://10.0.0.8:3000, true",
      "https://api.example.com, false",
      "http://localhost:3000, false",
      "http://127.0.0.1:3000, false",
      "http://[::1]:3000, false"})
  void plainHttpToAnotherHostWarnsAtBuild(String baseUrl, boolean warns) {
    ApiKeysClient.builder().baseUrl(baseUrl).token(TOKEN).logLevel(LogLevel.OFF).build()
        .close();

    List<LogRecord> warnings = log.records().stream()
        .filter(record -> record.getLevel() == Level.WARNING).toList();
    TABLE.check(List.of(ANY_TRANSPORT,
        "WARNING at build for " + baseUrl + ": " + !warnings.isEmpty(), 1, 1,
        leaks(log.lines(), List.of(TOKEN))), () -> {
          assertEquals(warns ? 1 : 0, warnings.size(), log.lines().toString());
          if (warns) {
            String message = log.lines().get(0);
            assertTrue(message.contains(baseUrl) && message.contains("https"), message);
          }
          assertEquals(0, leaks(log.lines(), List.of(TOKEN)));
        });
  }

  private static void exerciseSuccesses(ApiKeysClient client, List<String> secrets,
      List<Object> shown) {
    var keys = client.apiKeys();
    OffsetDateTime expiry = OffsetDateTime.of(2031, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
    CreateApiKeyParams restricted = CreateApiKeyParams.builder().name("restricted")
        .description("secrets test").restricted(true)
        .permissions(Permission.CALLS_VIEW, Permission.API_KEYS_VIEW).expiresAt(expiry).build();
    RequestOptions once = RequestOptions.builder().idempotencyKey("secrets-once")
        .header("X-Trace", "secrets").build();
    ApiKeyWithSecret first = keys.create(restricted, once);
    RawResponse<ApiKeyWithSecret> replay = keys.withRawResponse().create(restricted, once);
    ApiKeyWithSecret plain = keys.create(CreateApiKeyParams.builder().name("plain").build());
    ApiKeyWithSecret async = client.async().apiKeys()
        .create(CreateApiKeyParams.builder().name("async").build()).join();
    for (ApiKeyWithSecret created : List.of(first, replay.body(), plain, async)) {
      secrets.add(created.key());
      secrets.add(created.key().substring(created.key().length() / 2));
    }
    UpdateApiKeyParams change = UpdateApiKeyParams.builder().name("renamed")
        .permissionValues(List.of("calls.view", "calls.create")).expiresAt(null).build();
    ApiKey updated = keys.update(first.id(), change);
    ApiKeyPage page = keys.list(ListApiKeysParams.builder().limit(2).build());
    List<ApiKey> all = new ArrayList<>();
    page.autoPager().forEach(all::add);
    keys.delete(plain.id());
    shown.addAll(List.of(restricted, once, first, replay, plain, async, change, updated, page,
        page.params(), keys.retrieve(first.id()), client.async().apiKeys().list().join(),
        ApiKeyList.builder().data(all).hasMore(false).build()));
    shown.addAll(all);
  }

  private static void exerciseFailures(ApiKeysClient client, MockApiKeysServer server,
      List<Throwable> errors, List<Object> shown) {
    var keys = client.apiKeys();
    errors.add(Outcomes.thrownBy(() -> keys.retrieve("key_9999")));
    errors.add(Outcomes.thrownBy(() -> keys.list(ListApiKeysParams.builder().after("nope")
        .build())));
    errors.add(Outcomes.thrownBy(() -> keys.update("key_0001", UpdateApiKeyParams.builder()
        .permissions(Permission.CALLS_VIEW).build())));
    errors.add(Outcomes.thrownBy(() -> keys.create(CreateApiKeyParams.builder().name("c")
        .build(), RequestOptions.builder().idempotencyKey("secrets-once").build())));
    try (ApiKeysClient other = client.withOptions(b -> b.token(MockApiKeysServer.UNKNOWN_TOKEN));
        ApiKeysClient forbidden = client.withOptions(
            b -> b.token(MockApiKeysServer.FORBIDDEN_TOKEN))) {
      errors.add(Outcomes.thrownBy(() -> other.apiKeys().list()));
      errors.add(Outcomes.thrownBy(() -> forbidden.apiKeys().list()));
      shown.addAll(List.of(other, forbidden));
    }
    server.wireMock().stubFor(ApiOperation.RETRIEVE.stub().atPriority(1)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    errors.add(Outcomes.thrownBy(() -> keys.retrieve(ApiOperation.TARGET_ID)));
    server.wireMock().stubFor(ApiOperation.DELETE.stub().atPriority(1)
        .willReturn(serverError().withBody("{\"error\": \"boom\"}")));
    errors.add(Outcomes.thrownByRunning(() -> keys.delete(ApiOperation.TARGET_ID)));
    server.wireMock().stubFor(ApiOperation.CREATE.stub().atPriority(1)
        .inScenario("bad create").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(201).withBody(WireJson.key(key -> key
            .put("key", UNREAD_SECRET).put("created_date", "soon")))));
    errors.add(Outcomes.thrownBy(() -> keys.create(CreateApiKeyParams.builder().name("bad")
        .build())));
    errors.add(Outcomes.thrownBy(() -> keys.retrieve(ApiOperation.TARGET_ID,
        RequestOptions.builder().timeout(Duration.ofMillis(1)).maxRetries(0).build())));
    errors.add(Outcomes.thrownBy(() -> client.async().apiKeys().retrieve("key_9999").join()));
    errors.removeIf(error -> error == null);
    errors.replaceAll(error -> error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error);
  }

  private static void checkNoLeak(TransportKind transport, String where, List<String> texts,
      List<String> secrets) {
    int leaks = leaks(texts, secrets);
    TABLE.check(List.of(transport, where, texts.size(), secrets.size(), leaks), () -> {
      assertFalse(texts.isEmpty(), "nothing to check in " + where);
      for (String text : texts) {
        for (String secret : secrets) {
          assertFalse(text.contains(secret), () -> where + " shows a secret: " + text);
        }
      }
    });
  }

  private static int leaks(List<String> texts, List<String> secrets) {
    return (int) texts.stream()
        .filter(text -> secrets.stream().anyMatch(text::contains)).count();
  }

  /** Every text an exception shows: message, toString and stack trace, causes and all. */
  private static List<String> texts(Throwable error) {
    List<String> texts = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(error, texts, seen);
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    texts.add(trace.toString());
    return texts;
  }

  private static void collect(Throwable error, List<String> texts, Set<Throwable> seen) {
    if (error == null || !seen.add(error)) {
      return;
    }
    texts.add(String.valueOf(error.getMessage()));
    texts.add(String.valueOf(error.getLocalizedMessage()));
    texts.add(error.toString());
    if (error instanceof ApiKeysServiceException service) {
      texts.add(service.body());
      texts.add(String.valueOf(service.error()));
      service.details().forEach(detail -> texts.addAll(List.of(detail.toString(),
          detail.path(), detail.message(), detail.type())));
    }
    if (error instanceof InvalidResponseException invalid) {
      texts.add(invalid.body());
      invalid.partial(Object.class).ifPresent(partial -> texts.add(partial.toString()));
    }
    collect(error.getCause(), texts, seen);
    for (Throwable suppressed : error.getSuppressed()) {
      collect(suppressed, texts, seen);
    }
  }

  /** Keeps every record of the SDK's logger, formatted as a handler would print it. */
  private static final class CapturingHandler extends Handler {
    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    List<LogRecord> records() {
      synchronized (records) {
        return List.copyOf(records);
      }
    }

    List<String> lines() {
      return records().stream().map(formatter::format).toList();
    }
  }
}
