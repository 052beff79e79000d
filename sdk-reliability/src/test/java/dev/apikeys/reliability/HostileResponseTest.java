package dev.apikeys.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.errors.BadRequestException;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.errors.InvalidDataException;
import dev.apikeys.sdk.errors.InvalidResponseException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.errors.UnexpectedStatusException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.Permission;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Responses no correct server sends: each is read where that is safe (one odd field fails only
 * when it is read), and otherwise ends in the documented exception, with the body (secrets
 * masked); never a NullPointerException, a raw Jackson exception or a hang. Paging that would
 * loop ends with {@link ApiKeysException}. See {@link HostileCase} for the four outcomes.
 */
class HostileResponseTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API = new MockApiKeysServerExtension();

  private static final Duration HANG_GUARD = HostileCase.HANG_GUARD;
  private static final String SECRET = "sk-live-hostile-5f4e3d2c1b0a99887766";
  private static final int MEGABYTE = 1 << 20;
  private static final String KEYS = "/v1/api_key/";
  /** How many of 100 000 nested arrays the masked copy keeps: the parser's depth limit. */
  private static final int NESTING_KEPT = 999;

  private static final ReportTable TABLE = ReportTable.create("30-hostile-responses",
      "Hostile and malformed responses: read where safe, else the documented exception",
      "transport", "case", "operation", "status", "body bytes", "category", "outcome",
      "requests")
      .note("Categories. Tolerated: the call returned and every field reads as the body says."
          + " Read; the odd field throws when read: responses are read tolerantly, so the call"
          + " returned, the accessor of that one field throws InvalidDataException naming the"
          + " model and the field, validate() lists that problem alone (ApiKeyPage has no"
          + " validate()), and every other field reads as sent. Unreadable: the body is not a"
          + " JSON object of the model at all (not JSON, cut off, an array, empty, past the"
          + " parser's limits): InvalidResponseException, whose message names the call, the"
          + " model and the parser's failure without quoting the body, whose body() is the body"
          + " with secrets masked (a cut-off one re-written up to the cut), and whose partial()"
          + " holds the top-level fields complete before the break. Error status: the status's"
          + " exception with the server's words and the body. Paging that would loop ends with"
          + " ApiKeysException. Each call runs under a 20 s guard against hangs.");

  @AfterAll
  static void writeRows() {
    TABLE.write();
  }

  static Stream<Arguments> responses() {
    return Stream.of(TransportKind.values()).flatMap(transport -> Stream.of(shapes(),
        wrongValues(), statuses(), creates()).flatMap(s -> s)
        .map(hostile -> Arguments.of(transport, hostile)));
  }

  /** Bodies that are not a JSON object of the model, or that push the parser's limits. */
  private static Stream<HostileCase> shapes() {
    String key = WireJson.key(k -> { });
    String page = WireJson.page(p -> { });
    return Stream.of(
        HostileCase.on(ApiOperation.RETRIEVE, "cut off in a field name")
            .json(cutInsideName(key, "last_four_digits", 1))
            .unreadable("ApiKey", "JsonEOFException", rewrittenBefore(key, "last_four_digits", 1),
                ApiKey.class, partial -> {
                  assertEquals("key_0001", partial.id());
                  assertEquals("Key key_0001", partial.name());
                  assertProblems(List.of(HostileCase.missing("last_four_digits"),
                      HostileCase.missing("creator_id"), HostileCase.missing("restricted"),
                      HostileCase.missing("permissions")), partial::validate);
                }),
        HostileCase.on(ApiOperation.LIST, "a list cut off in its second key")
            .json(cutInsideName(page, "created_date", 2))
            .unreadable("ApiKeyList", "JsonEOFException", rewrittenBefore(page, "created_date", 2),
                null, null),
        HostileCase.on(ApiOperation.RETRIEVE, "HTML page with 200")
            .contentType("text/html").body("<html><body>Welcome to nginx!</body></html>")
            .unreadable("ApiKey", "JsonParseException"),
        HostileCase.on(ApiOperation.RETRIEVE, "plain text with 200")
            .contentType("text/plain").body("OK")
            .unreadable("ApiKey", "JsonParseException"),
        HostileCase.on(ApiOperation.RETRIEVE, "empty body with 200")
            .body("")
            .unreadable("ApiKey", "(empty body)"),
        HostileCase.on(ApiOperation.RETRIEVE, "204 No Content where a key is expected")
            .status(204).noBody()
            .unreadable("ApiKey", "(empty body)"),
        HostileCase.on(ApiOperation.UPDATE, "204 No Content where the updated key is expected")
            .status(204).noBody()
            .unreadable("ApiKey", "(empty body)"),
        HostileCase.on(ApiOperation.LIST, "a 5 MB page of 1000 keys")
            .json(fiveMegabytePage())
            .tolerated(result -> assertEquals(1000, ((ApiKeyPage) result).data().size())),
        HostileCase.on(ApiOperation.RETRIEVE, "a 1 MB name")
            .json(WireJson.key(k -> k.put("name", "n".repeat(MEGABYTE))))
            .tolerated(result -> assertEquals(MEGABYTE, ((ApiKey) result).name().length())),
        HostileCase.on(ApiOperation.RETRIEVE, "a 25 MB name: past the parser's string limit")
            .json(WireJson.key(k -> k.put("name", "n".repeat(25 * MEGABYTE))))
            .unreadable("ApiKey", "StreamConstraintsException",
                "{\"id\":\"key_0001\",\"name\"" + HostileCase.CUT, ApiKey.class, partial -> {
                  assertEquals("key_0001", partial.id());
                  assertThrows(InvalidDataException.class, partial::name);
                }),
        HostileCase.on(ApiOperation.RETRIEVE, "unknown field nested 500 deep")
            .json(WireJson.key(k -> k.set("deep", nested(500))))
            .tolerated(result -> {
              ReadBack.keyReads((ApiKey) result, "key_0001", null);
              assertEquals(List.of("deep"),
                  List.copyOf(((ApiKey) result).additionalProperties().keySet()));
            }),
        HostileCase.on(ApiOperation.RETRIEVE, "unknown field nested 100 000 deep")
            .json(key.replaceFirst("\\{",
                "{\"deep\":" + "[".repeat(100_000) + "]".repeat(100_000) + ","))
            .unreadable("ApiKey", "StreamConstraintsException",
                "{\"deep\":" + "[".repeat(NESTING_KEPT) + HostileCase.CUT, null, null),
        HostileCase.on(ApiOperation.RETRIEVE, "a JSON array instead of an object")
            .json("[" + key + "]")
            .unreadable("ApiKey", "MismatchedInputException"),
        HostileCase.on(ApiOperation.RETRIEVE, "the JSON literal null")
            .json("null")
            .unreadable("ApiKey", "IOException"),
        HostileCase.on(ApiOperation.LIST, "a JSON string instead of a page")
            .json("\"data\"")
            .unreadable("ApiKeyList", "MismatchedInputException"),
        HostileCase.on(ApiOperation.RETRIEVE, "a UTF-8 byte order mark first")
            .body(withBom(key))
            .tolerated(result -> ReadBack.keyReads((ApiKey) result, "key_0001", null)),
        HostileCase.on(ApiOperation.RETRIEVE, "valid JSON labelled text/html")
            .contentType("text/html").body(key)
            .tolerated(result -> ReadBack.keyReads((ApiKey) result, "key_0001", null)),
        HostileCase.on(ApiOperation.RETRIEVE, "valid JSON with no Content-Type")
            .contentType(null).body(key)
            .tolerated(result -> ReadBack.keyReads((ApiKey) result, "key_0001", null)),
        HostileCase.on(ApiOperation.RETRIEVE, "garbage after the object")
            .json(key + " {\"id\": \"key_0002\"}")
            .unreadable("ApiKey", "MismatchedInputException", key + " {\"id\": \"key_0002\"}",
                ApiKey.class, partial -> ReadBack.keyReads(partial.validate(), "key_0001", null)),
        HostileCase.on(ApiOperation.RETRIEVE, "invalid UTF-8 inside a string")
            .body(invalidUtf8Name())
            .unreadable("ApiKey", "JsonParseException",
                new String(invalidUtf8Name(), StandardCharsets.UTF_8), ApiKey.class,
                partial -> assertEquals("key_0001", partial.id())),
        HostileCase.on(ApiOperation.RETRIEVE, "a duplicate field: the last one wins")
            .json(key.replaceFirst("\\{", "{\"name\":\"first\","))
            .tolerated(result -> ReadBack.keyReads((ApiKey) result, "key_0001", null)));
  }

  /** One field of a readable body is missing, null, of the wrong type, or unusual. */
  private static Stream<HostileCase> wrongValues() {
    return Stream.of(
        odd("restricted is the string \"yes\"", k -> k.put("restricted", "yes"), "restricted",
            HostileCase.wrongType("restricted", "a string that is not one"),
            key -> key.restricted()),
        odd("permissions is a string, not an array", k -> k.put("permissions", "calls.view"),
            "permissions", HostileCase.wrongType("permissions", "a string that is not one"),
            key -> key.permissions()),
        odd("a null inside permissions", k -> k.putArray("permissions").add("calls.view")
            .addNull(), "permissions", HostileCase.wrongType("permissions", "an array"),
            key -> key.permissionValues()),
        odd("id is a number", k -> k.put("id", 12345), "id",
            HostileCase.wrongType("id", "a number"), key -> key.id()),
        odd("name is null", k -> k.putNull("name"), "name", HostileCase.missing("name"),
            key -> key.name()),
        odd("created_date is missing", k -> k.remove("created_date"), "created_date",
            HostileCase.missing("created_date"), key -> key.createdDate()),
        odd("created_date is not a date", k -> k.put("created_date", "yesterday"),
            "created_date", HostileCase.wrongType("created_date", "a string that is not one"),
            key -> key.createdDate()),
        odd("created_date is a number", k -> k.put("created_date", 1_704_067_200),
            "created_date", HostileCase.wrongType("created_date", "a number"),
            key -> key.createdDate()),
        oddPage("has_more is the string \"maybe\"", p -> p.put("has_more", "maybe"),
            "has_more", HostileCase.wrongType("has_more", "a string that is not one"),
            page -> page.hasMore()),
        oddPage("data is an object, not an array", p -> p.putObject("data"), "data",
            HostileCase.wrongType("data", "an object"), page -> page.data()),
        oddPage("has_more is null", p -> p.putNull("has_more"), "has_more",
            HostileCase.missing("has_more"), page -> page.hasNextPage()),
        oddPage("a null key inside data", p -> ((ArrayNode) p.get("data")).addNull(), "data",
            HostileCase.wrongType("data", "an array"), page -> page.data()),
        HostileCase.on(ApiOperation.LIST, "data is null: read as an empty list")
            .json(WireJson.page(p -> p.putNull("data")))
            .tolerated(result -> {
              assertEquals(List.of(), ((ApiKeyPage) result).data());
              assertFalse(((ApiKeyPage) result).hasMore());
            }),
        HostileCase.on(ApiOperation.RETRIEVE, "created_date has no offset: read as UTC")
            .json(WireJson.key(k -> k.put("created_date", "2024-01-01T00:00:00")))
            .tolerated(result -> ReadBack.keyReads((ApiKey) result, "key_0001", null)),
        HostileCase.on(ApiOperation.RETRIEVE, "unknown fields, top level and nested")
            .json(WireJson.key(k -> k.put("livemode", true).putObject("metadata")
                .put("team", "core").putArray("tags").add(1).add("x")))
            .tolerated(result -> {
              ReadBack.keyReads((ApiKey) result, "key_0001", null);
              assertEquals(List.of("livemode", "metadata"),
                  List.copyOf(((ApiKey) result).additionalProperties().keySet()));
            }),
        HostileCase.on(ApiOperation.RETRIEVE, "unknown permission strings")
            .json(WireJson.key(k -> k.putArray("permissions").add("calls.view")
                .add("teleport.create").add("")))
            .tolerated(result -> {
              assertEquals(List.of("calls.view", "teleport.create", ""),
                  ((ApiKey) result).permissionValues());
              assertEquals(List.of(Permission.CALLS_VIEW), ((ApiKey) result).permissions());
            }),
        HostileCase.on(ApiOperation.RETRIEVE, "control characters in a name")
            .json(WireJson.key(k -> k.put("name", "a\u0000b\u001bc\u2028d")))
            .tolerated(result -> assertEquals("a\u0000b\u001bc\u2028d",
                ((ApiKey) result).name())),
        HostileCase.on(ApiOperation.RETRIEVE, "201 where 200 is documented")
            .status(201).json(WireJson.key(k -> { }))
            .tolerated(result -> ReadBack.keyReads((ApiKey) result, "key_0001", null)));
  }

  /** Error statuses with bodies no correct server sends. */
  private static Stream<HostileCase> statuses() {
    return Stream.of(
        HostileCase.on(ApiOperation.RETRIEVE, "HTML error page with 500")
            .status(500).contentType("text/html")
            .body("<html><body><h1>502 Bad Gateway</h1></body></html>")
            .rejected(InternalServerException.class, "502 Bad Gateway"),
        HostileCase.on(ApiOperation.RETRIEVE, "HTML error page with 404")
            .status(404).contentType("text/html")
            .body("<!DOCTYPE html><title>Not Found</title>")
            .rejected(NotFoundException.class, "Not Found"),
        HostileCase.on(ApiOperation.RETRIEVE, "error field is an object, not a string")
            .status(400).json("{\"error\": {\"code\": \"bad\", \"detail\": [1, 2]}}")
            .rejected(BadRequestException.class, "{\"code\":\"bad\",\"detail\":[1,2]}"),
        HostileCase.on(ApiOperation.RETRIEVE, "error field is null")
            .status(400).json("{\"error\": null}")
            .rejected(BadRequestException.class, ""),
        HostileCase.on(ApiOperation.RETRIEVE, "a 5 MB error body")
            .status(500).json("{\"error\": \"" + "e".repeat(5 * MEGABYTE) + "\"}")
            .rejected(InternalServerException.class, null),
        HostileCase.on(ApiOperation.RETRIEVE, "302 to another origin: not followed")
            .status(302).header("Location", "https://attacker.example/steal").body("")
            .rejected(UnexpectedStatusException.class, "redirect to another origin"
                + " (https://attacker.example/steal) not followed: the SDK never sends"
                + " credentials outside its base URL's origin; set the base URL to the new"
                + " address"),
        HostileCase.on(ApiOperation.RETRIEVE, "status 418")
            .status(418).json("{\"error\": \"I'm a teapot\"}")
            .rejected(UnexpectedStatusException.class, "I'm a teapot"),
        HostileCase.on(ApiOperation.DELETE, "200 with a body where 204 is documented")
            .json("{\"deleted\": true}")
            .tolerated(nothing -> assertNull(nothing)),
        HostileCase.on(ApiOperation.DELETE, "200 with a non-JSON body to a delete")
            .contentType("text/plain").body("Deleted.")
            .tolerated(nothing -> assertNull(nothing)));
  }

  /** Create answers whose secret or another field is odd. */
  private static Stream<HostileCase> creates() {
    return Stream.of(
        HostileCase.on(ApiOperation.CREATE, "create answer with the secret and a bad date")
            .status(201).json(WireJson.key(k -> k.put("key", SECRET)
                .put("created_date", "not a date")))
            .oddField("ApiKeyWithSecret", "created_date",
                HostileCase.wrongType("created_date", "a string that is not one"),
                created -> ((ApiKeyWithSecret) created).createdDate()),
        HostileCase.on(ApiOperation.CREATE, "create answer without the secret")
            .status(201).json(WireJson.key(k -> { }))
            .oddField("ApiKeyWithSecret", "key", HostileCase.missing("key"),
                created -> ((ApiKeyWithSecret) created).key()),
        HostileCase.on(ApiOperation.CREATE, "create answer with a null secret")
            .status(201).json(WireJson.key(k -> k.putNull("key")))
            .oddField("ApiKeyWithSecret", "key", HostileCase.missing("key"),
                created -> ((ApiKeyWithSecret) created).key()));
  }

  private static HostileCase odd(String name, Consumer<ObjectNode> change, String field,
      String problem, Function<ApiKey, Object> accessor) {
    return HostileCase.on(ApiOperation.RETRIEVE, name).json(WireJson.key(change))
        .oddField("ApiKey", field, problem, key -> accessor.apply((ApiKey) key));
  }

  private static HostileCase oddPage(String name, Consumer<ObjectNode> change, String field,
      String problem, Function<ApiKeyPage, Object> accessor) {
    return HostileCase.on(ApiOperation.LIST, name).json(WireJson.page(change))
        .oddField("ApiKeyList", field, problem, page -> accessor.apply((ApiKeyPage) page));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("responses")
  void hostileResponseIsReadOrEndsInTheDocumentedException(TransportKind transport,
      HostileCase hostile) {
    hostile.runAndRecord(transport, API.server(), TABLE);
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void createAnswerCutOffAfterTheSecretKeepsItInPartialAndOutOfEveryText(TransportKind transport) {
    String whole = WireJson.key(k -> { }).replaceFirst(",", ",\"key\":\"" + SECRET + "\",");
    String body = cutInsideName(whole, "permissions", 1);
    API.server().wireMock().stubFor(ApiOperation.CREATE.stub().atPriority(1)
        .willReturn(aResponse().withStatus(201).withBody(body)));

    Throwable error;
    try (ApiKeysClient client = transport.on(API.server().clientBuilder()).maxRetries(0).build()) {
      error = Outcomes.thrownBy(() -> ApiOperation.CREATE.call(client));
    }

    TABLE.check(List.of(transport, "create answer cut off after the secret: partial() keeps it;"
        + " message, toString, body() and partial's toString never show it",
        ApiOperation.CREATE, 201, body.length(), HostileCase.UNREADABLE,
        Outcomes.describe(error, "returned"), 1), () -> {
          InvalidResponseException invalid =
              assertInstanceOf(InvalidResponseException.class, error);
          ApiKeyWithSecret partial = invalid.partial(ApiKeyWithSecret.class).orElseThrow();
          assertEquals(SECRET, partial.key(), "the secret is not lost");
          assertEquals("key_0001", partial.id());
          assertEquals(rewrittenBefore(whole, "permissions", 1)
              .replace("\"key\":\"" + SECRET + "\"", "\"key\":\"****\""), invalid.body());
          for (String text : List.of(invalid.getMessage(), invalid.toString(), invalid.body(),
              partial.toString())) {
            assertFalse(text.contains(SECRET), text);
          }
          assertNull(invalid.getCause(), "a parser's message may quote the secret");
        });
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void impossibleDayFailsWhenReadInsteadOfMovingToAnotherDay(TransportKind transport) {
    API.server().wireMock().stubFor(ApiOperation.RETRIEVE.stub().atPriority(1).willReturn(
        okJson(WireJson.key(k -> k.put("expires_at", "2030-02-30T00:00:00Z")))));

    ApiKey key;
    try (ApiKeysClient client = transport.on(API.server().clientBuilder()).maxRetries(0).build()) {
      key = client.apiKeys().retrieve(ApiOperation.TARGET_ID);
    }

    String problem = HostileCase.wrongType("expires_at", "a string that is not one");
    assertProblems(List.of(problem), key::expiresAt);
    assertProblems(List.of(problem), key::validate);
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void hugeJsonErrorMessageIsCutLikeAPlainTextOne(TransportKind transport) {
    String words = "e".repeat(5 * MEGABYTE);
    API.server().wireMock().stubFor(ApiOperation.RETRIEVE.stub().atPriority(1).willReturn(
        aResponse().withStatus(400).withBody("{\"error\": \"" + words + "\"}")));

    Throwable error;
    try (ApiKeysClient client = transport.on(API.server().clientBuilder()).maxRetries(0).build()) {
      error = Outcomes.thrownBy(() -> ApiOperation.RETRIEVE.call(client));
    }

    BadRequestException bad = assertInstanceOf(BadRequestException.class, error);
    assertEquals("e".repeat(200) + "...", bad.error());
    assertTrue(bad.getMessage().length() < 300, "message of " + bad.getMessage().length());
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void hasMoreWithAnEmptyPageEndsPagingInsteadOfLooping(TransportKind transport) {
    stubPage(null, WireJson.object().put("has_more", true).set("data", arrayOf()));

    PagingOutcome outcome = page(transport, client -> {
      ApiKeyPage first = client.apiKeys().list();
      return walk(first.autoPager());
    });

    recordPaging(transport, "has_more: true with empty data, auto-pager", outcome, 0, 1);
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void cursorThatDoesNotAdvanceEndsNextPage(TransportKind transport) {
    stubPage(null, WireJson.page(true, "key_0001", "key_0002"));
    stubPage("key_0002", WireJson.page(true, "key_0002"));

    PagingOutcome outcome = page(transport, client -> walk(client.apiKeys().list().autoPager()));

    recordPaging(transport, "cursor that does not advance, auto-pager", outcome, 3, 2);
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void cursorCycleEndsTheAutoPager(TransportKind transport) {
    stubCursorCycle();

    PagingOutcome outcome = page(transport, client -> walk(client.apiKeys().list().autoPager()));

    recordPaging(transport, "cursors that cycle A, B, A, auto-pager", outcome, 3, 3);
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void cursorCycleEndsThePrefetchingStream(TransportKind transport) {
    stubCursorCycle();

    PagingOutcome outcome = page(transport, client -> {
      List<String> seen = new ArrayList<>();
      try (Stream<ApiKey> keys = client.apiKeys().list().autoPager().withPrefetch().stream()) {
        keys.forEach(key -> seen.add(key.id()));
      } catch (ApiKeysException e) {
        return new PagingOutcome(seen, e);
      }
      return new PagingOutcome(seen, null);
    });

    recordPaging(transport, "cursors that cycle A, B, A, prefetching stream", outcome, 3, 3);
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void cursorCycleEndsThePublisherWithOnError(TransportKind transport) {
    stubCursorCycle();

    PagingOutcome outcome = page(transport, client -> {
      CollectingSubscriber subscriber = new CollectingSubscriber();
      client.apiKeys().list().publisher().subscribe(subscriber);
      return subscriber.await();
    });

    recordPaging(transport, "cursors that cycle A, B, A, publisher", outcome, 3, 3);
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void hasMoreWithoutLastIdFollowsTheLastKeyOfThePage(TransportKind transport) {
    ObjectNode first = WireJson.page(true, "key_0001", "key_0002");
    first.remove("last_id");
    first.remove("first_id");
    stubPage(null, first);
    stubPage("key_0002", WireJson.page(false, "key_0003"));

    PagingOutcome outcome = page(transport, client -> walk(client.apiKeys().list().autoPager()));

    String name = "has_more: true without last_id, auto-pager";
    TABLE.check(pagingCells(transport, name, outcome), () -> {
      assertNull(outcome.error(), () -> "expected all keys, got " + outcome.error());
      assertEquals(List.of("key_0001", "key_0002", "key_0003"), outcome.ids());
      API.server().wireMock().verify(exactly(2), ApiOperation.LIST.requests());
    });
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void bodyThatStallsAfterTheHeadersEndsWithinTheTimeout(TransportKind transport)
      throws Exception {
    Duration timeout = Duration.ofMillis(300);
    Duration bound = Duration.ofSeconds(2);
    long start = System.nanoTime();
    Throwable error;
    try (StallingServer server =
            new StallingServer(target -> StallingServer.Answer.headersThenHold());
        ApiKeysClient client = transport.on(ApiKeysClient.builder()).baseUrl(server.baseUrl())
            .token("sk-reliability").maxRetries(0).timeout(timeout)
            .callTimeout(Duration.ofSeconds(1)).build()) {
      error = assertTimeoutPreemptively(Duration.ofSeconds(5),
          () -> Outcomes.thrownBy(() -> ApiOperation.RETRIEVE.call(client)));
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    TABLE.check(List.of(transport, "headers, then a body that stalls", ApiOperation.RETRIEVE,
        200, 1, "attempt timeout: ApiKeysIoException", Outcomes.describe(error, "returned")
            + " within " + bound.toSeconds() + " s", 1), () -> {
          assertInstanceOf(ApiKeysIoException.class, error);
          assertTrue(took.compareTo(bound) < 0, "took " + took);
        });
  }

  private static void recordPaging(TransportKind transport, String name, PagingOutcome outcome,
      int keysBeforeError, int requests) {
    TABLE.check(pagingCells(transport, name, outcome), () -> {
      assertNotNull(outcome.error(), "paging must end with an exception");
      assertEquals(ApiKeysException.class, outcome.error().getClass(),
          "the documented paging exception, not " + outcome.error());
      assertTrue(outcome.error().getMessage().contains("cannot loop"),
          outcome.error().getMessage());
      assertEquals(keysBeforeError, outcome.ids().size(), outcome.ids().toString());
      API.server().wireMock().verify(exactly(requests), ApiOperation.LIST.requests());
    });
  }

  private static List<Object> pagingCells(TransportKind transport, String name,
      PagingOutcome outcome) {
    int requests = API.server().wireMock()
        .countRequestsMatching(ApiOperation.LIST.requests().build()).getCount();
    String category = outcome.error() == null ? HostileCase.TOLERATED
        : "paging ends: ApiKeysException";
    return List.of(transport, name, ApiOperation.LIST, 200, "-", category,
        Outcomes.describe(outcome.error(), "returned") + " after " + outcome.ids().size()
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

  private static PagingOutcome page(TransportKind transport, PagingRun run) {
    try (ApiKeysClient client = transport.on(API.server().clientBuilder()).maxRetries(0).build()) {
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

  /** Returns the JSON cut three characters into the name of {@code field}'s n-th use. */
  private static String cutInsideName(String json, String field, int occurrence) {
    return json.substring(0, nameAt(json, field, occurrence) + 4);
  }

  /**
   * Returns what the SDK's masked copy of a body cut inside {@code field}'s n-th name must be:
   * the JSON before that field, then the {@link HostileCase#CUT} note.
   */
  private static String rewrittenBefore(String json, String field, int occurrence) {
    return json.substring(0, nameAt(json, field, occurrence) - 1) + HostileCase.CUT;
  }

  private static int nameAt(String json, String field, int occurrence) {
    int at = -1;
    for (int i = 0; i < occurrence; i++) {
      at = json.indexOf(",\"" + field + "\":", at + 1);
    }
    return at + 1;
  }

  private static void assertProblems(List<String> problems, Executable validate) {
    assertEquals(problems, assertThrows(InvalidDataException.class, validate).problems());
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
}
