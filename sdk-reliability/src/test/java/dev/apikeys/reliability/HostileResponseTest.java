package dev.apikeys.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.errors.ApiKeysServiceException;
import dev.apikeys.sdk.errors.BadRequestException;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.errors.InvalidResponseException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.errors.UnexpectedStatusException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Responses no correct server sends: each is tolerated where that is safe, and otherwise ends
 * in the documented exception carrying the raw body; never a NullPointerException, a raw Jackson
 * exception or a hang. Paging that would loop ends with {@link ApiKeysException}.
 */
class HostileResponseTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension();

  /** Only a guard against a hang: every case answers in well under a second. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);
  private static final String SECRET = "sk-live-hostile-5f4e3d2c1b0a99887766";
  private static final int MEGABYTE = 1 << 20;
  private static final String KEYS = "/v1/api_key/";

  private static final ReportTable TABLE = ReportTable.create("30-hostile-responses",
      "Hostile and malformed responses: tolerated where safe, else the documented exception",
      "case", "operation", "status", "body bytes", "outcome", "requests")
      .note("Tolerated: the call returned what the body says. Otherwise the exception is the"
          + " documented one and carries the raw body (InvalidResponseException for a 2xx that"
          + " cannot be read, the status's ApiKeysServiceException otherwise, ApiKeysException"
          + " when paging would loop). Each call runs under a 20 s guard against hangs.");

  @AfterAll
  static void writeRows() {
    TABLE.write();
  }

  static Stream<HostileCase> responses() {
    return Stream.of(
        HostileCase.on(ApiOperation.RETRIEVE, "truncated JSON")
            .json(truncated(WireJson.key(key -> { })))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.LIST, "truncated list")
            .json(truncated(WireJson.page(page -> { })))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "restricted is the string \"yes\"")
            .json(WireJson.key(key -> key.put("restricted", "yes")))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "permissions is a string, not an array")
            .json(WireJson.key(key -> key.put("permissions", "calls.view")))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "a null inside permissions")
            .json(WireJson.key(key -> key.putArray("permissions").addNull()))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "id is a number: read as its text")
            .json(WireJson.key(key -> key.put("id", 12345)))
            .tolerated(key -> assertEquals("12345", ((ApiKey) key).id())),
        HostileCase.on(ApiOperation.LIST, "has_more is the string \"maybe\"")
            .json(WireJson.page(page -> page.put("has_more", "maybe")))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.LIST, "data is an object, not an array")
            .json(WireJson.page(page -> page.putObject("data")))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "name is null")
            .json(WireJson.key(key -> key.putNull("name")))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.LIST, "data is null")
            .json(WireJson.page(page -> page.putNull("data")))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.LIST, "has_more is null")
            .json(WireJson.page(page -> page.putNull("has_more")))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "created_date is missing")
            .json(WireJson.key(key -> key.remove("created_date")))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.LIST, "a null key inside data")
            .json(WireJson.page(page -> ((ArrayNode) page.get("data")).addNull()))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "unknown fields, top level and nested")
            .json(WireJson.key(key -> key.put("livemode", true).putObject("metadata")
                .put("team", "core").putArray("tags").add(1).add("x")))
            .tolerated(key -> assertEquals(WireJson.key("key_0001").get("name").asText(),
                ((ApiKey) key).name())),
        HostileCase.on(ApiOperation.RETRIEVE, "unknown permission strings")
            .json(WireJson.key(key -> key.putArray("permissions").add("calls.view")
                .add("teleport.create").add("")))
            .tolerated(key -> {
              assertEquals(List.of("calls.view", "teleport.create", ""),
                  ((ApiKey) key).permissionValues());
              assertEquals(List.of(Permission.CALLS_VIEW), ((ApiKey) key).permissions());
            }),
        HostileCase.on(ApiOperation.RETRIEVE, "HTML error page with 500")
            .status(500).contentType("text/html")
            .body("<html><body><h1>502 Bad Gateway</h1></body></html>")
            .rejected(InternalServerException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "HTML error page with 404")
            .status(404).contentType("text/html")
            .body("<!DOCTYPE html><title>Not Found</title>")
            .rejected(NotFoundException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "HTML page with 200")
            .contentType("text/html").body("<html><body>Welcome to nginx!</body></html>")
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "plain text with 200")
            .contentType("text/plain").body("OK")
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "empty body with 200")
            .body("")
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "204 No Content where a key is expected")
            .status(204).noBody()
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.UPDATE, "204 No Content where the updated key is expected")
            .status(204).noBody()
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "created_date is not a date")
            .json(WireJson.key(key -> key.put("created_date", "yesterday")))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "created_date has no offset")
            .json(WireJson.key(key -> key.put("created_date", "2024-01-01T00:00:00")))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "expires_at is February 30th")
            .json(WireJson.key(key -> key.put("expires_at", "2030-02-30T00:00:00Z")))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "created_date is a number")
            .json(WireJson.key(key -> key.put("created_date", 1_704_067_200)))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.LIST, "a 5 MB page of 1000 keys")
            .json(fiveMegabytePage())
            .tolerated(page -> assertEquals(1000, ((ApiKeyPage) page).data().size())),
        HostileCase.on(ApiOperation.RETRIEVE, "a 1 MB name")
            .json(WireJson.key(key -> key.put("name", "n".repeat(MEGABYTE))))
            .tolerated(key -> assertEquals(MEGABYTE, ((ApiKey) key).name().length())),
        HostileCase.on(ApiOperation.RETRIEVE, "a 25 MB name: past the parser's string limit")
            .json(WireJson.key(key -> key.put("name", "n".repeat(25 * MEGABYTE))))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "a gzip body that the client did not ask for")
            .header("Content-Encoding", "gzip").body(gzip(WireJson.key(key -> { })))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "unknown field nested 500 deep")
            .json(WireJson.key(key -> key.set("deep", nested(500))))
            .tolerated(key -> assertEquals("key_0001", ((ApiKey) key).id())),
        HostileCase.on(ApiOperation.RETRIEVE, "unknown field nested 100 000 deep")
            .json(WireJson.key(key -> { }).replaceFirst("\\{",
                "{\"deep\":" + "[".repeat(100_000) + "]".repeat(100_000) + ","))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "a JSON array instead of an object")
            .json("[" + WireJson.key(key -> { }) + "]")
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "the JSON literal null")
            .json("null")
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.LIST, "a JSON string instead of a page")
            .json("\"data\"")
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "a UTF-8 byte order mark first")
            .body(withBom(WireJson.key(key -> { })))
            .tolerated(key -> assertEquals("key_0001", ((ApiKey) key).id())),
        HostileCase.on(ApiOperation.RETRIEVE, "valid JSON labelled text/html")
            .contentType("text/html").body(WireJson.key(key -> { }))
            .tolerated(key -> assertEquals("key_0001", ((ApiKey) key).id())),
        HostileCase.on(ApiOperation.RETRIEVE, "valid JSON with no Content-Type")
            .contentType(null).body(WireJson.key(key -> { }))
            .tolerated(key -> assertEquals("key_0001", ((ApiKey) key).id())),
        HostileCase.on(ApiOperation.RETRIEVE, "garbage after the object")
            .json(WireJson.key(key -> { }) + " {\"id\": \"key_0002\"}")
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "invalid UTF-8 inside a string")
            .body(invalidUtf8Name())
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "a duplicate field: the last one wins")
            .json(WireJson.key(key -> { }).replaceFirst("\\{", "{\"name\":\"first\","))
            .tolerated(key -> assertEquals("Key key_0001", ((ApiKey) key).name())),
        HostileCase.on(ApiOperation.RETRIEVE, "control characters in a name")
            .json(WireJson.key(key -> key.put("name", "a\u0000b\u001bc\u2028d")))
            .tolerated(key -> assertEquals("a\u0000b\u001bc\u2028d", ((ApiKey) key).name())),
        HostileCase.on(ApiOperation.RETRIEVE, "201 where 200 is documented")
            .status(201).json(WireJson.key(key -> { }))
            .tolerated(key -> assertEquals("key_0001", ((ApiKey) key).id())),
        HostileCase.on(ApiOperation.RETRIEVE, "error field is an object, not a string")
            .status(400).json("{\"error\": {\"code\": \"bad\", \"detail\": [1, 2]}}")
            .rejected(BadRequestException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "error field is null")
            .status(400).json("{\"error\": null}")
            .rejected(BadRequestException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "a 5 MB error body")
            .status(500).json("{\"error\": \"" + "e".repeat(5 * MEGABYTE) + "\"}")
            .rejected(InternalServerException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "302 redirect: not followed")
            .status(302).header("Location", "https://attacker.example/steal").body("")
            .rejected(UnexpectedStatusException.class),
        HostileCase.on(ApiOperation.RETRIEVE, "status 418")
            .status(418).json("{\"error\": \"I'm a teapot\"}")
            .rejected(UnexpectedStatusException.class),
        HostileCase.on(ApiOperation.CREATE, "create answer with the secret and a bad date")
            .status(201).json(WireJson.key(key -> key.put("key", SECRET)
                .put("created_date", "not a date")))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.CREATE, "create answer without the secret")
            .status(201).json(WireJson.key(key -> { }))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.CREATE, "create answer with a null secret")
            .status(201).json(WireJson.key(key -> key.putNull("key")))
            .rejected(InvalidResponseException.class),
        HostileCase.on(ApiOperation.DELETE, "200 with a body where 204 is documented")
            .json("{\"deleted\": true}")
            .tolerated(nothing -> assertNull(nothing)),
        HostileCase.on(ApiOperation.DELETE, "200 with a non-JSON body to a delete")
            .contentType("text/plain").body("Deleted.")
            .tolerated(nothing -> assertNull(nothing)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("responses")
  void hostileResponseIsToleratedOrEndsInTheDocumentedException(HostileCase hostile) {
    API.server().wireMock().stubFor(hostile.operation().stub().atPriority(1)
        .willReturn(hostile.response()));
    Object[] result = new Object[1];

    Throwable error;
    try (ApiKeysClient client = API.server().clientBuilder().maxRetries(0).build()) {
      error = assertTimeoutPreemptively(HANG_GUARD,
          () -> Outcomes.thrownBy(() -> result[0] = hostile.operation().call(client)));
    }

    int requests = API.server().wireMock()
        .countRequestsMatching(hostile.operation().requests().build()).getCount();
    TABLE.check(List.of(hostile, hostile.operation(), hostile.status(),
        hostile.bodyBytes().length, Outcomes.describe(error, "tolerated"), requests), () -> {
          assertEquals(1, requests);
          hostile.expected().check(hostile, result[0], error);
        });
  }

  @Test
  void createAnswerThatCannotBeReadKeepsTheSecretOutOfTheMessageAndCause() {
    API.server().wireMock().stubFor(ApiOperation.CREATE.stub().atPriority(1)
        .willReturn(aResponse().withStatus(201).withBody(
            WireJson.key(key -> key.put("key", SECRET).put("created_date", "soon")))));

    Throwable error;
    try (ApiKeysClient client = API.server().clientBuilder().maxRetries(0).build()) {
      error = Outcomes.thrownBy(() -> ApiOperation.CREATE.call(client));
    }

    InvalidResponseException invalid = assertInstanceOf(InvalidResponseException.class, error);
    TABLE.check(List.of("create answer that cannot be read: secret in neither message,"
        + " toString nor cause", ApiOperation.CREATE, 201, invalid.body().length(),
        Outcomes.describe(error, "tolerated"), 1), () -> {
          assertTrue(invalid.body().contains(SECRET), "body() is the raw body");
          assertFalse(invalid.getMessage().contains(SECRET), invalid.getMessage());
          assertFalse(invalid.toString().contains(SECRET), invalid.toString());
          assertNull(invalid.getCause(), "a parser's message may quote the secret");
        });
  }

  @Test
  void hasMoreWithAnEmptyPageEndsPagingInsteadOfLooping() {
    stubPage(null, WireJson.object().put("has_more", true).set("data", arrayOf()));

    PagingOutcome outcome = page(client -> {
      ApiKeyPage first = client.apiKeys().list();
      return walk(first.autoPager());
    });

    recordPaging("has_more: true with empty data, auto-pager", outcome, 0, 1);
  }

  @Test
  void cursorThatDoesNotAdvanceEndsNextPage() {
    stubPage(null, WireJson.page(true, "key_0001", "key_0002"));
    stubPage("key_0002", WireJson.page(true, "key_0002"));

    PagingOutcome outcome = page(client -> walk(client.apiKeys().list().autoPager()));

    recordPaging("cursor that does not advance, auto-pager", outcome, 3, 2);
  }

  @Test
  void cursorCycleEndsTheAutoPager() {
    stubCursorCycle();

    PagingOutcome outcome = page(client -> walk(client.apiKeys().list().autoPager()));

    recordPaging("cursors that cycle A, B, A, auto-pager", outcome, 3, 3);
  }

  @Test
  void cursorCycleEndsThePrefetchingStream() {
    stubCursorCycle();

    PagingOutcome outcome = page(client -> {
      List<String> seen = new ArrayList<>();
      try (Stream<ApiKey> keys = client.apiKeys().list().autoPager().withPrefetch().stream()) {
        keys.forEach(key -> seen.add(key.id()));
      } catch (ApiKeysException e) {
        return new PagingOutcome(seen, e);
      }
      return new PagingOutcome(seen, null);
    });

    recordPaging("cursors that cycle A, B, A, prefetching stream", outcome, 3, 3);
  }

  @Test
  void cursorCycleEndsThePublisherWithOnError() {
    stubCursorCycle();

    PagingOutcome outcome = page(client -> {
      CollectingSubscriber subscriber = new CollectingSubscriber();
      client.apiKeys().list().publisher().subscribe(subscriber);
      return subscriber.await();
    });

    recordPaging("cursors that cycle A, B, A, publisher", outcome, 3, 3);
  }

  @Test
  void hasMoreWithoutLastIdFollowsTheLastKeyOfThePage() {
    ObjectNode first = WireJson.page(true, "key_0001", "key_0002");
    first.remove("last_id");
    first.remove("first_id");
    stubPage(null, first);
    stubPage("key_0002", WireJson.page(false, "key_0003"));

    PagingOutcome outcome = page(client -> walk(client.apiKeys().list().autoPager()));

    TABLE.check(pagingCells("has_more: true without last_id, auto-pager", outcome), () -> {
      assertNull(outcome.error(), () -> "expected all keys, got " + outcome.error());
      assertEquals(List.of("key_0001", "key_0002", "key_0003"), outcome.ids());
      API.server().wireMock().verify(exactly(2), ApiOperation.LIST.requests());
    });
  }

  @Test
  void bodyThatStallsAfterTheHeadersEndsWithinTheTimeout() throws Exception {
    Duration timeout = Duration.ofMillis(300);
    long start = System.nanoTime();
    Throwable error;
    try (StallingServer server =
            new StallingServer(target -> StallingServer.Answer.headersThenHold());
        ApiKeysClient client = ApiKeysClient.builder().baseUrl(server.baseUrl())
            .token("sk-reliability").maxRetries(0).timeout(timeout)
            .callTimeout(Duration.ofSeconds(1)).build()) {
      error = assertTimeoutPreemptively(Duration.ofSeconds(5),
          () -> Outcomes.thrownBy(() -> ApiOperation.RETRIEVE.call(client)));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    TABLE.check(List.of("headers, then a body that stalls", ApiOperation.RETRIEVE, 200, 1,
        Outcomes.describe(error, "tolerated") + " in " + took.toMillis() + " ms", 1), () -> {
          assertInstanceOf(ApiKeysIoException.class, error);
          assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);
        });
  }

  private static void recordPaging(String name, PagingOutcome outcome, int keysBeforeError,
      int requests) {
    TABLE.check(pagingCells(name, outcome), () -> {
      assertNotNull(outcome.error(), "paging must end with an exception");
      assertEquals(ApiKeysException.class, outcome.error().getClass(),
          "the documented paging exception, not " + outcome.error());
      assertTrue(outcome.error().getMessage().contains("cannot loop"),
          outcome.error().getMessage());
      assertEquals(keysBeforeError, outcome.ids().size(), outcome.ids().toString());
      API.server().wireMock().verify(exactly(requests), ApiOperation.LIST.requests());
    });
  }

  private static List<Object> pagingCells(String name, PagingOutcome outcome) {
    int requests = API.server().wireMock()
        .countRequestsMatching(ApiOperation.LIST.requests().build()).getCount();
    return List.of(name, ApiOperation.LIST, 200, "-",
        Outcomes.describe(outcome.error(), "tolerated") + " after " + outcome.ids().size()
            + " keys", requests);
  }

  /**
   * Pages: no cursor gives A (key_0001), after A gives B (key_0002), after B gives A. The pager
   * must stop before it asks for the page after A a second time: three requests, three keys.
   */
  private static void stubCursorCycle() {
    stubPage(null, WireJson.page(true, "key_0001"));
    stubPage("key_0001", WireJson.page(true, "key_0002"));
    stubPage("key_0002", WireJson.page(true, "key_0001"));
  }

  private static void stubPage(String after, ObjectNode page) {
    API.server().wireMock().stubFor(get(urlPathEqualTo(KEYS)).atPriority(1)
        .withQueryParam("after", after == null ? absent() : equalTo(after))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(page.toString())));
  }

  private static PagingOutcome page(PagingRun run) {
    try (ApiKeysClient client = API.server().clientBuilder().maxRetries(0).build()) {
      return assertTimeoutPreemptively(HANG_GUARD, () -> run.apply(client));
    }
  }

  private static PagingOutcome walk(Iterable<ApiKey> keys) {
    List<String> seen = new ArrayList<>();
    try {
      keys.forEach(key -> seen.add(key.id()));
    } catch (ApiKeysException e) {
      return new PagingOutcome(seen, e);
    }
    return new PagingOutcome(seen, null);
  }

  private static ArrayNode arrayOf() {
    return WireJson.object().arrayNode();
  }

  private static String truncated(String json) {
    return json.substring(0, json.length() / 2);
  }

  private static ArrayNode nested(int depth) {
    ArrayNode outer = arrayOf();
    ArrayNode current = outer;
    for (int i = 1; i < depth; i++) {
      current = current.addArray();
    }
    return outer;
  }

  private static String fiveMegabytePage() {
    ObjectNode page = WireJson.page(false);
    ArrayNode data = (ArrayNode) page.get("data");
    String description = "d".repeat(5 * 1024);
    for (int i = 1; i <= 1000; i++) {
      data.add(WireJson.key(String.format("key_%04d", i)).put("description", description));
    }
    return page.toString();
  }

  private static byte[] gzip(String json) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream zipped = new GZIPOutputStream(bytes)) {
      zipped.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] withBom(String json) {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bytes, 3, text.length);
    return bytes;
  }

  private static byte[] invalidUtf8Name() {
    byte[] json = WireJson.key(key -> key.put("name", "AB")).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(json, json.length);
    int name = new String(json, StandardCharsets.UTF_8).indexOf("AB");
    bytes[name] = (byte) 0xC3;
    bytes[name + 1] = (byte) 0x28;
    return bytes;
  }

  /** Runs a paging walk with a client. */
  @FunctionalInterface
  private interface PagingRun {
    PagingOutcome apply(ApiKeysClient client) throws Exception;
  }

  /** The keys a walk saw before it ended, and the exception that ended it, if any. */
  record PagingOutcome(List<String> ids, Throwable error) {
  }

  /** Collects a publisher's keys and its end, requesting one key at a time. */
  private static final class CollectingSubscriber implements Flow.Subscriber<ApiKey> {
    private final List<String> ids = new ArrayList<>();
    private final CompletableFuture<Throwable> end = new CompletableFuture<>();
    private Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(ApiKey key) {
      synchronized (ids) {
        ids.add(key.id());
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
      end.complete(error);
    }

    @Override
    public void onComplete() {
      end.complete(null);
    }

    PagingOutcome await() throws Exception {
      Throwable error = end.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
      synchronized (ids) {
        return new PagingOutcome(List.copyOf(ids), error);
      }
    }
  }

  /** What the SDK must make of a response: a result to check, or an exception type. */
  interface Expected {
    void check(HostileCase hostile, Object result, Throwable error);
  }

  /** One hostile response, built fluently; immutable. */
  record HostileCase(ApiOperation operation, String name, int status, String contentType,
      byte[] body, List<String[]> headers, Expected expected) {

    static HostileCase on(ApiOperation operation, String name) {
      return new HostileCase(operation, name, 200, "application/json",
          new byte[0], List.of(), null);
    }

    HostileCase status(int code) {
      return new HostileCase(operation, name, code, contentType, body, headers, expected);
    }

    HostileCase contentType(String type) {
      return new HostileCase(operation, name, status, type, body, headers, expected);
    }

    HostileCase header(String header, String value) {
      List<String[]> more = new ArrayList<>(headers);
      more.add(new String[] {header, value});
      return new HostileCase(operation, name, status, contentType, body, List.copyOf(more),
          expected);
    }

    HostileCase json(String text) {
      return contentType("application/json").body(text);
    }

    HostileCase body(String text) {
      return body(text.getBytes(StandardCharsets.UTF_8));
    }

    HostileCase noBody() {
      return new HostileCase(operation, name, status, null, null, headers, expected);
    }

    HostileCase body(byte[] bytes) {
      return new HostileCase(operation, name, status, contentType, bytes, headers, expected);
    }

    HostileCase tolerated(Consumer<Object> check) {
      return new HostileCase(operation, name, status, contentType, body, headers,
          (hostile, result, error) -> {
            assertNull(error, () -> "expected it to be tolerated, got " + error);
            check.accept(result);
          });
    }

    HostileCase rejected(Class<? extends ApiKeysException> type) {
      return new HostileCase(operation, name, status, contentType, body, headers,
          (hostile, result, error) -> {
            assertEquals(type, error == null ? null : error.getClass(),
                () -> "expected " + type.getSimpleName() + ", got " + error);
            String raw = new String(hostile.bodyBytes(), StandardCharsets.UTF_8);
            if (error instanceof InvalidResponseException invalid) {
              assertEquals(hostile.status(), invalid.statusCode());
              assertEquals(raw, invalid.body(), "the raw body");
            } else {
              ApiKeysServiceException service = (ApiKeysServiceException) error;
              assertEquals(hostile.status(), service.statusCode());
              assertEquals(raw, service.body(), "the raw body");
            }
          });
    }

    byte[] bodyBytes() {
      return body == null ? new byte[0] : body;
    }

    ResponseDefinitionBuilder response() {
      ResponseDefinitionBuilder response = aResponse().withStatus(status);
      if (contentType != null) {
        response.withHeader("Content-Type", contentType);
      }
      headers.forEach(header -> response.withHeader(header[0], header[1]));
      return body == null ? response : response.withBody(body);
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
