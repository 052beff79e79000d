package dev.apikeys.interop;

import static dev.apikeys.interop.FastApiApp.ADMIN_TOKEN;
import static dev.apikeys.interop.FastApiApp.UNKNOWN_TOKEN;
import static dev.apikeys.interop.FastApiApp.seededId;
import static dev.apikeys.interop.FastApiApp.seededIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the FastAPI app on uvicorn 0.17 does, checked without the SDK: the behaviour of a real
 * stack that the SDK has to live with (issue 10), so that the SDK tests' failures are the
 * SDK's and not the app's.
 */
class UvicornQuirksTest {

  @RegisterExtension
  static final UvicornServer SERVER = new UvicornServer(FastApiApp.naive());

  private static final String KEYS = "/v1/api_key/";
  private static final String ACCOUNT = "acct_created";

  @Test
  void uvicornAnswersTheJdksH2cUpgradeOfferWith400() {
    // A JDK HttpClient left at its default version offers "Upgrade: h2c" on plain http (the
    // SDK's own client does not; a client given to the SDK keeps its version).
    RawHttp offersH2c = new RawHttp(HttpClient.newHttpClient(), SERVER.baseUrl(), ADMIN_TOKEN);

    HttpResponse<String> refused = offersH2c.get(KEYS + seededId(1));

    assertEquals(400, refused.statusCode());
    assertEquals("Unsupported upgrade request.", refused.body());
    assertEquals(Optional.of("close"), refused.headers().firstValue("connection"));
    assertEquals(200, SERVER.raw().get(KEYS + seededId(1)).statusCode());
  }

  @Test
  void dateTimesComeWithoutAnOffset() {
    JsonNode seeded = RawHttp.json(SERVER.raw().get(KEYS + seededId(3)));
    JsonNode created = RawHttp.json(create("{\"name\": \"naive\"}"));

    assertEquals("2024-01-01T12:02:00.123456", seeded.get("created_date").asText());
    assertEquals("2030-01-01T00:00:00", seeded.get("expires_at").asText());
    // datetime.utcnow().isoformat(): microseconds unless they happen to be 0, and no offset.
    assertTrue(created.get("created_date").asText()
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?"), created.toString());
  }

  @Test
  void unrestrictedKeysHaveNullPermissionsAndEveryFieldIsSent() {
    JsonNode unrestricted = RawHttp.json(SERVER.raw().get(KEYS + seededId(1)));
    JsonNode restricted = RawHttp.json(SERVER.raw().get(KEYS + seededId(2)));

    assertTrue(unrestricted.get("permissions").isNull(), unrestricted.toString());
    assertTrue(unrestricted.get("expires_at").isNull(), unrestricted.toString());
    assertEquals("[\"calls.view\",\"calls.create\"]", restricted.get("permissions").toString());
    assertFalse(restricted.get("restricted").isNull());
  }

  @Test
  void errorsComeAsDetail() {
    HttpResponse<String> notFound = SERVER.raw().get(KEYS + "no-such-key");
    HttpResponse<String> unknownToken = SERVER.raw().withToken(UNKNOWN_TOKEN).get(KEYS);
    HttpResponse<String> noToken = SERVER.raw().withToken(null).get(KEYS);

    assertEquals(404, notFound.statusCode());
    assertEquals("{\"detail\":\"API key not found\"}", notFound.body());
    assertEquals(401, unknownToken.statusCode());
    assertEquals("{\"detail\":\"Invalid authentication credentials\"}", unknownToken.body());
    assertEquals(Optional.of("Bearer"), unknownToken.headers().firstValue("www-authenticate"));
    // FastAPI's HTTPBearer answers a missing Authorization header with 403, not 401.
    assertEquals(403, noToken.statusCode());
    assertEquals("{\"detail\":\"Not authenticated\"}", noToken.body());
  }

  @Test
  void validationErrorsComeAsAListOfFieldErrors() {
    HttpResponse<String> badLimit = SERVER.raw().get(KEYS + "?limit=0");
    HttpResponse<String> noName = create("{}");
    HttpResponse<String> longName = create("{\"name\": \"" + "n".repeat(101) + "\"}");

    assertEquals(422, badLimit.statusCode());
    assertEquals("{\"detail\":[{\"loc\":[\"query\",\"limit\"],"
        + "\"msg\":\"ensure this value is greater than or equal to 1\","
        + "\"type\":\"value_error.number.not_ge\",\"ctx\":{\"limit_value\":1}}]}",
        badLimit.body());
    assertEquals(422, noName.statusCode());
    assertEquals("{\"detail\":[{\"loc\":[\"body\",\"name\"],\"msg\":\"field required\","
        + "\"type\":\"value_error.missing\"}]}", noName.body());
    assertEquals(422, longName.statusCode());
    assertEquals("ensure this value has at most 100 characters",
        RawHttp.json(longName).get("detail").get(0).get("msg").asText());
  }

  @Test
  void onlyCreateShowsTheSecret() {
    HttpResponse<String> created = create("{\"name\": \"ci\", \"restricted\": true,"
        + " \"permissions\": [\"calls.view\"]}");
    JsonNode key = RawHttp.json(created);
    String secret = key.get("key").asText();
    String id = key.get("id").asText();

    assertEquals(201, created.statusCode());
    assertTrue(secret.matches("sk-live-[0-9a-f]{32}"), "a secret of the documented shape");
    assertEquals(secret.substring(secret.length() - 4), key.get("last_four_digits").asText());
    assertFalse(RawHttp.json(SERVER.raw().get(KEYS + id, "x-account-id", ACCOUNT)).has("key"));
    String list = SERVER.raw().get(KEYS + "?limit=1000", "x-account-id", ACCOUNT).body();
    assertTrue(list.contains(id), list);
    assertFalse(list.contains(secret), list);
  }

  @Test
  void aRepeatedIdempotencyKeyReplaysTheFirstCreate() {
    String body = "{\"name\": \"once\"}";
    HttpResponse<String> first = create(body, "Idempotency-Key", "idem-1");
    HttpResponse<String> again = create(body, "Idempotency-Key", "idem-1");
    HttpResponse<String> other = create("{\"name\": \"other\"}", "Idempotency-Key", "idem-1");

    assertEquals(RawHttp.json(first).get("id"), RawHttp.json(again).get("id"));
    assertEquals(Optional.of("true"), again.headers().firstValue("idempotent-replayed"));
    assertEquals(409, other.statusCode());
  }

  @Test
  void pagesFollowTheirCursorsInBothOrders() {
    assertEquals(seededIds(11, 15), ids(SERVER.raw().get(KEYS + "?limit=5&after="
        + seededId(10))));
    assertEquals(seededIds(7, 9), ids(SERVER.raw().get(KEYS + "?limit=3&before="
        + seededId(10))));
    assertEquals(List.of(seededId(25), seededId(24)), ids(SERVER.raw().get(KEYS
        + "?limit=2&order=desc")));
    JsonNode last = RawHttp.json(SERVER.raw().get(KEYS + "?limit=5&after=" + seededId(20)));
    assertFalse(last.get("has_more").asBoolean());
    assertEquals(seededId(25), last.get("last_id").asText());
  }

  @Test
  void keysAreScopedByTheAccountHeader() {
    assertEquals(404, SERVER.raw().get(KEYS + seededId(1), "x-account-id", "acct_other")
        .statusCode());
  }

  @Test
  void aPathWithoutItsTrailingSlashIsRedirected() {
    HttpResponse<String> redirect = SERVER.raw().get("/v1/api_key?limit=1");

    // Starlette's redirect_slashes: a redirect that a client following it would send the
    // token along with.
    assertEquals(307, redirect.statusCode());
    assertEquals(Optional.of(SERVER.baseUrl() + KEYS + "?limit=1"),
        redirect.headers().firstValue("location"));
  }

  /** Creates a key in {@link #ACCOUNT}, so that the seeded account stays as seeded. */
  private static HttpResponse<String> create(String body, String... headers) {
    String[] all = Arrays.copyOf(headers, headers.length + 2);
    all[headers.length] = "x-account-id";
    all[headers.length + 1] = ACCOUNT;
    return SERVER.raw().send("POST", KEYS, body, all);
  }

  private static List<String> ids(HttpResponse<String> page) {
    return StreamSupport.stream(RawHttp.json(page).get("data").spliterator(), false)
        .map(key -> key.get("id").asText()).toList();
  }
}
