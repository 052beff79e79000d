package dev.apikeys.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.errors.UnexpectedStatusException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.testkit.MockApiKeysServer;
import dev.apikeys.testkit.MockApiKeysServerExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Redirects, blocking and async: the SDK follows them within its base URL's origin only (307 and
 * 308 keep the method and body, 303 turns into a GET, 301 and 302 are followed for a GET only),
 * at most five in a row; any other one surfaces as {@link UnexpectedStatusException} saying why,
 * and a second server on another origin never receives a request, so never the token.
 */
class RedirectTest {

  @RegisterExtension
  static final MockApiKeysServerExtension API =
      new MockApiKeysServerExtension(MockApiKeysServer.builder().seed(ApiOperation.SEEDED));

  private static final String TOKEN = MockApiKeysServer.ADMIN_TOKEN;
  private static final String KEYS = "/v1/api_key/";
  /** Another origin: a server that must never hear from the SDK. */
  private static final WireMockServer ELSEWHERE =
      new WireMockServer(wireMockConfig().dynamicPort());

  private static final ReportTable TABLE = ReportTable.create("34-redirects",
      "Redirects: followed within the origin as the status says, never to another origin",
      "transport", "case", "api", "requests (in order)", "outcome",
      "requests to the other origin")
      .note("Each case answers the first request with the redirect; what it points to is the"
          + " testkit, answering as usual. \"The other origin\" is a second local server, on"
          + " another port; its journal must stay empty, so the token never reaches it.");

  /** One redirect and what the SDK must do with it. */
  enum Redirect {
    SAME_ORIGIN_307_ON_PATCH(ApiOperation.UPDATE, 307, KEYS + "key_0002"),
    SAME_ORIGIN_308_ON_POST(ApiOperation.CREATE, 308, KEYS + "?region=eu"),
    SEE_OTHER_303_ON_PATCH(ApiOperation.UPDATE, 303, KEYS + "key_0003"),
    FOUND_302_ON_GET(ApiOperation.RETRIEVE, 302, KEYS + "key_0002"),
    MOVED_301_ON_PATCH(ApiOperation.UPDATE, 301, KEYS + "key_0002"),
    ANOTHER_ORIGIN_302_ON_GET(ApiOperation.RETRIEVE, 302, null),
    ANOTHER_ORIGIN_307_ON_PATCH(ApiOperation.UPDATE, 307, null),
    LOOP_302_ON_GET(ApiOperation.RETRIEVE, 302, KEYS + ApiOperation.TARGET_ID),
    GARBAGE_LOCATION(ApiOperation.RETRIEVE, 302, "http://[::1");

    private final ApiOperation operation;
    private final int status;
    private final String location;

    Redirect(ApiOperation operation, int status, String location) {
      this.operation = operation;
      this.status = status;
      this.location = location;
    }

    /** Returns the Location header: a path on the API server, or a URL of the other one. */
    String location() {
      return location != null ? location
          : "http://127.0.0.1:" + ELSEWHERE.port() + operation.path();
    }

    MappingBuilder stub() {
      MappingBuilder first = operation.stub().atPriority(1);
      return this == SAME_ORIGIN_308_ON_POST ? first.withQueryParam("region", absent()) : first;
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ') + " -> "
          + (location != null ? location : "http://127.0.0.1:<other port>" + operation.path());
    }
  }

  @BeforeAll
  static void startTheOtherOrigin() {
    ELSEWHERE.start();
  }

  @AfterAll
  static void stopTheOtherOriginAndWriteRows() {
    ELSEWHERE.stop();
    TABLE.write();
  }

  static Stream<Arguments> cases() {
    return Stream.of(TransportKind.values()).flatMap(transport -> Stream.of(Redirect.values())
        .flatMap(redirect -> Stream.of(ClientApi.values())
            .map(api -> Arguments.of(transport, redirect, api))));
  }

  @ParameterizedTest(name = "{0} {2}: {1}")
  @MethodSource("cases")
  void redirectIsFollowedOnlyWithinTheOriginAsItsStatusSays(TransportKind transport,
      Redirect redirect, ClientApi api) {
    MockApiKeysServer server = API.server();
    ELSEWHERE.resetRequests();
    server.wireMock().stubFor(redirect.stub().willReturn(aResponse()
        .withStatus(redirect.status).withHeader("Location", redirect.location())));
    RecordingSleeper sleeper = new RecordingSleeper();
    Object[] result = new Object[1];

    Throwable error;
    try (ApiKeysClient client = transport.on(server.clientBuilder()).sleeper(sleeper).build()) {
      error = Outcomes.thrownBy(() -> result[0] = redirect.operation.call(client, api));
    }

    List<LoggedRequest> requests = journal(server.wireMock());
    List<LoggedRequest> elsewhere = journal(ELSEWHERE);
    TABLE.check(List.of(transport, redirect, api, summary(requests),
        Outcomes.describe(error, "followed"), elsewhere.size()), () -> {
          assertEquals(List.of(), elsewhere, "the other origin must never be asked");
          assertEquals(List.of(), sleeper.waits(), "a redirect is not retried");
          requests.forEach(request -> assertEquals("Bearer " + TOKEN,
              request.getHeader("Authorization"), "same origin: the token goes along"));
          check(redirect, server, requests, result[0], error);
        });
  }

  private static void check(Redirect redirect, MockApiKeysServer server,
      List<LoggedRequest> requests, Object result, Throwable error) {
    int port = server.port();
    switch (redirect) {
      case SAME_ORIGIN_307_ON_PATCH -> {
        followed(requests, "PATCH " + KEYS + "key_0001", "PATCH " + KEYS + "key_0002", error);
        assertEquals(requests.get(0).getBodyAsString(), requests.get(1).getBodyAsString());
        assertEquals("key_0002", ((ApiKey) result).id());
        assertEquals(ApiOperation.NEW_NAME, ((ApiKey) result).name());
        assertEquals("Seeded key 1", retrieve(server, "key_0001").name(), "not the first one");
      }
      case SAME_ORIGIN_308_ON_POST -> {
        followed(requests, "POST " + KEYS, "POST " + KEYS + "?region=eu", error);
        assertEquals(requests.get(0).getBodyAsString(), requests.get(1).getBodyAsString());
        assertEquals(requests.get(0).getHeader("Idempotency-Key"),
            requests.get(1).getHeader("Idempotency-Key"), "still one idempotent create");
        try (ApiKeysClient verifier = verifier(server)) {
          ApiOperation.CREATE.checkTookEffect(result, verifier);
        }
        assertEquals("key_0004", ((ApiKeyWithSecret) result).id());
      }
      case SEE_OTHER_303_ON_PATCH -> {
        followed(requests, "PATCH " + KEYS + "key_0001", "GET " + KEYS + "key_0003", error);
        assertEquals("", requests.get(1).getBodyAsString(), "a 303 sends no body");
        assertFalse(requests.get(1).containsHeader("Content-Type"));
        assertEquals("key_0003", ((ApiKey) result).id());
        assertEquals("Seeded key 1", retrieve(server, "key_0001").name(), "no update made");
      }
      case FOUND_302_ON_GET -> {
        followed(requests, "GET " + KEYS + "key_0001", "GET " + KEYS + "key_0002", error);
        assertEquals("key_0002", ((ApiKey) result).id());
      }
      case MOVED_301_ON_PATCH -> {
        refused(redirect, requests, 1, error, "redirect to http://127.0.0.1:" + port + KEYS
            + "key_0002 not followed (a 301 for a method that could lose its effect, or too"
            + " many redirects in a row)");
        assertEquals("Seeded key 2", retrieve(server, "key_0002").name(), "no update made");
      }
      case ANOTHER_ORIGIN_302_ON_GET, ANOTHER_ORIGIN_307_ON_PATCH -> refused(redirect,
          requests, 1, error, "redirect to another origin (" + redirect.location() + ") not"
              + " followed: the SDK never sends credentials outside its base URL's origin; set"
              + " the base URL to the new address");
      case LOOP_302_ON_GET -> refused(redirect, requests, 6, error, "redirect to"
          + " http://127.0.0.1:" + port + KEYS + "key_0001 not followed (a 302 for a method"
          + " that could lose its effect, or too many redirects in a row)");
      default -> refused(redirect, requests, 1, error,
          "redirect to an unreadable location, not followed");
    }
  }

  private static void followed(List<LoggedRequest> requests, String first, String then,
      Throwable error) {
    assertNull(error, () -> "expected the redirect to be followed, got " + error);
    assertEquals(List.of(first, then), requests.stream()
        .map(request -> request.getMethod() + " " + request.getUrl()).toList());
  }

  private static void refused(Redirect redirect, List<LoggedRequest> requests, int count,
      Throwable error, String explanation) {
    UnexpectedStatusException status = assertInstanceOf(UnexpectedStatusException.class,
        error);
    assertEquals(redirect.status, status.statusCode());
    assertEquals(explanation, status.error());
    assertEquals(count, requests.size(), "requests to the API server");
    requests.forEach(request -> assertEquals(redirect.operation.path(), request.getUrl()));
  }

  /** Lists requests as "METHOD url", a run of equal ones as "n x METHOD url". */
  private static String summary(List<LoggedRequest> requests) {
    List<String> lines = requests.stream()
        .map(request -> request.getMethod() + " " + request.getUrl()).toList();
    List<String> runs = new ArrayList<>();
    for (int i = 0; i < lines.size(); ) {
      int end = i;
      while (end < lines.size() && lines.get(end).equals(lines.get(i))) {
        end++;
      }
      runs.add((end - i > 1 ? (end - i) + " x " : "") + lines.get(i));
      i = end;
    }
    return String.join(", ", runs);
  }

  /** Every request a server received, oldest first, whether a stub matched it or not. */
  private static List<LoggedRequest> journal(WireMockServer server) {
    List<LoggedRequest> requests = new ArrayList<>();
    server.getAllServeEvents().forEach(event -> requests.add(0, event.getRequest()));
    return requests;
  }

  private static ApiKeysClient verifier(MockApiKeysServer server) {
    return server.clientBuilder().maxRetries(0).build();
  }

  private static ApiKey retrieve(MockApiKeysServer server, String id) {
    try (ApiKeysClient client = verifier(server)) {
      return client.apiKeys().retrieve(id);
    }
  }
}
