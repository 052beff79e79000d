package dev.apikeys.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysServiceException;
import dev.apikeys.sdk.errors.InvalidDataException;
import dev.apikeys.sdk.errors.InvalidResponseException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyList;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.testkit.MockApiKeysServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.function.Executable;

/**
 * One hostile response, built fluently, and what the SDK must make of it: one of four outcomes,
 * each checked exactly. Immutable.
 *
 * <ul>
 *   <li>{@link #tolerated}: the call returns and every field reads as the body says;
 *   <li>{@link #oddField}: the call returns; the accessor of the one odd field throws
 *       {@link InvalidDataException} naming the model and the field, {@code validate()} lists
 *       that problem alone, and every other field reads as sent;
 *   <li>{@link #unreadable}: the body cannot be read at all: {@link InvalidResponseException},
 *       whose message names the call, the model and the parser's failure (never the body),
 *       with the body (secrets masked) and what could be read before the break;
 *   <li>{@link #rejected}: an error status: its exception, with the server's words and body.
 * </ul>
 */
record HostileCase(ApiOperation operation, String name, int status, String contentType,
    byte[] body, List<String[]> headers, String category, Expected expected) {

  /** Only a guard against a hang: every case answers in well under a second. */
  static final Duration HANG_GUARD = Duration.ofSeconds(20);

  /** What the SDK's masked copy of a body ends with when the JSON broke off there. */
  static final String CUT = " ...(cut: not valid JSON after this point)";

  static final String TOLERATED = "tolerated";
  static final String ODD_FIELD = "read; the odd field throws when read";
  static final String UNREADABLE = "unreadable: InvalidResponseException";
  static final String REJECTED = "error status: its exception";

  /** What the SDK must make of a response: checks the call's result or exception. */
  interface Expected {
    void check(HostileCase hostile, Object result, Throwable error) throws Throwable;
  }

  static HostileCase on(ApiOperation operation, String name) {
    return new HostileCase(operation, name, 200, "application/json", new byte[0], List.of(),
        null, null);
  }

  /** Returns the problem that {@link InvalidDataException} names for a missing field. */
  static String missing(String field) {
    return field + " is missing or null";
  }

  /** Returns the problem that {@link InvalidDataException} names for a field of wrong type. */
  static String wrongType(String field, String got) {
    return field + " is not of the documented type (got " + got + ")";
  }

  HostileCase named(String newName) {
    return new HostileCase(operation, newName, status, contentType, body, headers, category,
        expected);
  }

  HostileCase status(int code) {
    return new HostileCase(operation, name, code, contentType, body, headers, category,
        expected);
  }

  HostileCase contentType(String type) {
    return new HostileCase(operation, name, status, type, body, headers, category, expected);
  }

  HostileCase header(String header, String value) {
    List<String[]> more = new ArrayList<>(headers);
    more.add(new String[] {header, value});
    return new HostileCase(operation, name, status, contentType, body, List.copyOf(more),
        category, expected);
  }

  HostileCase json(String text) {
    return contentType("application/json").body(text);
  }

  HostileCase body(String text) {
    return body(text.getBytes(StandardCharsets.UTF_8));
  }

  HostileCase noBody() {
    return new HostileCase(operation, name, status, null, null, headers, category, expected);
  }

  HostileCase body(byte[] bytes) {
    return new HostileCase(operation, name, status, contentType, bytes, headers, category,
        expected);
  }

  /** The call returns; {@code check} asserts what it returned. */
  HostileCase tolerated(Consumer<Object> check) {
    return expect(TOLERATED, (hostile, result, error) -> {
      assertNull(error, () -> "expected it to be tolerated, got " + error);
      check.accept(result);
    });
  }

  /**
   * The call returns a model whose one odd field throws when read.
   *
   * @param model the model that {@link InvalidDataException#model()} names
   * @param field the odd field, as the JSON names it
   * @param problem what {@link InvalidDataException#problems()} says of it
   * @param accessor reads the odd field from the call's result
   */
  HostileCase oddField(String model, String field, String problem,
      Function<Object, Object> accessor) {
    return expect(ODD_FIELD + " (" + field + ")", (hostile, result, error) -> {
      assertNull(error, () -> "the call must return, got " + error);
      InvalidDataException odd = assertThrows(InvalidDataException.class,
          () -> accessor.apply(result), "reading " + field);
      assertInvalidData(model, problem, odd);
      Optional<Executable> validate = validate(result);
      if (validate.isPresent()) {
        assertInvalidData(model, problem, assertThrows(InvalidDataException.class,
            validate.get(), "validate()"));
      }
      otherFieldsRead(result, field, hostile.text());
    });
  }

  /**
   * The body cannot be read: {@link InvalidResponseException} whose body is the response's.
   *
   * @param model the model the message names
   * @param failure what the message names as the parser's failure, such as
   *     {@code JsonEOFException} (followed by its line and column when it has them), or
   *     {@code (empty body)}
   */
  HostileCase unreadable(String model, String failure) {
    return unreadable(model, failure, null, null, null);
  }

  /**
   * The body cannot be read, and part of it could: the exception's {@code partial()} holds
   * what came before the break, and its body is the masked copy up to there.
   *
   * @param maskedBody what {@link InvalidResponseException#body()} must be
   * @param partialType the type {@code partial()} is asked for
   * @param partialCheck what it must hold
   */
  <T> HostileCase unreadable(String model, String failure, String maskedBody,
      Class<T> partialType, Consumer<T> partialCheck) {
    return expect(UNREADABLE, (hostile, result, error) -> {
      InvalidResponseException invalid = expectType(InvalidResponseException.class, error);
      assertEquals(hostile.status(), invalid.statusCode());
      String failurePart = failure.startsWith("(") ? " " + Pattern.quote(failure)
          : ": " + Pattern.quote(failure) + "( at line \\d+, column \\d+)?";
      String partial = Pattern.quote("; what could be read is in partial()");
      assertMatches(Pattern.quote(hostile.describeCall() + " is not a valid " + model)
          + failurePart + (partialType == null ? "" : partial), invalid.getMessage());
      assertNull(invalid.getCause(), "a parser's message may quote the body");
      assertEquals(maskedBody == null ? hostile.text() : maskedBody, invalid.body());
      Class<?> asked = partialType == null ? modelType(model) : partialType;
      assertEquals(partialType != null, invalid.partial(asked).isPresent(), "partial()");
      if (partialType != null) {
        partialCheck.accept(invalid.partial(partialType).orElseThrow());
      }
    });
  }

  /** The body cannot be decoded: {@link InvalidResponseException} naming why, no body. */
  HostileCase undecodable(String problem) {
    return expect(UNREADABLE, (hostile, result, error) -> {
      InvalidResponseException invalid = expectType(InvalidResponseException.class, error);
      assertEquals(hostile.status(), invalid.statusCode());
      assertEquals(hostile.describeCall() + " cannot be read: " + problem,
          invalid.getMessage());
      assertEquals("", invalid.body());
      assertFalse(invalid.partial(Object.class).isPresent(), "partial()");
    });
  }

  /**
   * An error status: its exception, with the server's words and the body as received.
   *
   * @param type the exception of the status
   * @param serverWords what {@link ApiKeysServiceException#error()} must be
   */
  HostileCase rejected(Class<? extends ApiKeysServiceException> type, String serverWords) {
    return rejectedWithBody(type, serverWords, null);
  }

  /** An error status whose body the exception shows as {@code shownBody}. */
  HostileCase rejectedWithBody(Class<? extends ApiKeysServiceException> type,
      String serverWords, String shownBody) {
    return expect(REJECTED, (hostile, result, error) -> {
      ApiKeysServiceException service = expectType(type, error);
      assertEquals(hostile.status(), service.statusCode());
      if (serverWords != null) {
        assertEquals(serverWords, service.error(), "the server's words");
      }
      assertEquals(shownBody == null ? hostile.text() : shownBody, service.body());
    });
  }

  /**
   * Stubs this response in front of the server's own, makes the call once without retries
   * (under a guard against a hang) and checks and records its row in {@code table}, whose
   * columns are transport, case, operation, status, body bytes, category, outcome, requests.
   */
  void runAndRecord(TransportKind transport, MockApiKeysServer server, ReportTable table) {
    server.wireMock().stubFor(operation.stub().atPriority(1).willReturn(response()));
    Object[] result = new Object[1];
    Throwable error;
    try (ApiKeysClient client = transport.on(server.clientBuilder()).maxRetries(0).build()) {
      error = assertTimeoutPreemptively(HANG_GUARD,
          () -> Outcomes.thrownBy(() -> result[0] = operation.call(client)));
    }
    int requests = server.wireMock().countRequestsMatching(operation.requests().build())
        .getCount();
    table.check(List.of(transport, this, operation, status, bodyBytes().length, category,
        outcome(error), requests), () -> {
          assertEquals(1, requests);
          expected.check(this, result[0], error);
        });
  }

  /** Names how the call ended, with what the exception says of this case. */
  private String outcome(Throwable error) {
    String outcome = Outcomes.describe(error, "returned");
    if (error instanceof InvalidResponseException) {
      return outcome + ": " + error.getMessage().replace(describeCall() + " ", "");
    }
    if (error instanceof ApiKeysServiceException service && service.error() != null
        && !service.error().isEmpty()) {
      return outcome + ": " + service.error();
    }
    return outcome;
  }

  byte[] bodyBytes() {
    return body == null ? new byte[0] : body;
  }

  /** Returns the body as UTF-8 text, as an exception without secrets to mask shows it. */
  String text() {
    return new String(bodyBytes(), StandardCharsets.UTF_8);
  }

  /** Returns how the SDK's messages name this call's response. */
  String describeCall() {
    return "the " + status + " response of " + operation.method() + " " + operation.path();
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

  private HostileCase expect(String kind, Expected check) {
    return new HostileCase(operation, name, status, contentType, body, headers, kind, check);
  }

  private static <E extends ApiKeysException> E expectType(Class<E> type, Throwable error) {
    assertEquals(type, error == null ? null : error.getClass(),
        () -> "expected " + type.getSimpleName() + ", got " + error);
    return type.cast(error);
  }

  private static void assertMatches(String regex, String text) {
    assertTrue(Pattern.matches(regex, text), () -> "'" + text + "' must match " + regex);
  }

  private static void assertInvalidData(String model, String problem,
      InvalidDataException odd) {
    assertEquals(model, odd.model());
    assertEquals(List.of(problem), odd.problems());
    assertEquals(model + " is not as the API documents it: " + problem, odd.getMessage());
  }

  /** Returns the result's {@code validate()}; a page has none (ApiKeyPage does not offer it). */
  private static Optional<Executable> validate(Object result) {
    if (result instanceof ApiKey key) {
      return Optional.of(key::validate);
    }
    if (result instanceof ApiKeyWithSecret key) {
      return Optional.of(key::validate);
    }
    return Optional.empty();
  }

  private static void otherFieldsRead(Object result, String oddField, String body) {
    if (result instanceof ApiKey key) {
      ReadBack.keyReads(key, "key_0001", oddField);
    } else if (result instanceof ApiKeyWithSecret key) {
      ReadBack.createdKeyReads(key, WireJson.parse(body).path("key").asText(null), oddField);
    } else {
      ReadBack.pageReads((ApiKeyPage) result, oddField);
    }
  }

  private static Class<?> modelType(String model) {
    switch (model) {
      case "ApiKey":
        return ApiKey.class;
      case "ApiKeyWithSecret":
        return ApiKeyWithSecret.class;
      default:
        return ApiKeyList.class;
    }
  }
}
