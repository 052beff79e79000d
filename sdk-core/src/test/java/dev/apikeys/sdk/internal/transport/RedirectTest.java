package dev.apikeys.sdk.internal.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RequestOptions;
import dev.apikeys.sdk.SdkServer;
import dev.apikeys.sdk.errors.UnexpectedStatusException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyInput;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * The SDK follows redirects within its base URL's origin only, with the method rules of RFC
 * 9110, at most five in a row; a redirect elsewhere never reaches the other server.
 */
class RedirectTest {

  private static final String TOKEN = "sk-test-token-redirects";
  private static final String KEY_PATH = "/v1/api_key/key_1";
  private static final String NOT_FOLLOWED = " not followed (a 302 for a method that could"
      + " lose its effect, or too many redirects in a row)";

  @RegisterExtension
  static SdkServer home = SdkServer.create();

  @RegisterExtension
  static SdkServer other = SdkServer.create();

  private ApiKeysClient client;

  @BeforeEach
  void setUp() {
    client = ApiKeysClient.builder().baseUrl(home.baseUrl()).token(TOKEN).accountId("acct_1")
        .maxRetries(0).build();
    other.stubFor(any(anyUrl()).willReturn(okJson(key("key_elsewhere"))));
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static String key(String id) {
    return "{\"id\": \"" + id + "\", \"name\": \"n\", \"created_date\": \"2024-03-01T10:15:30Z\","
        + " \"last_four_digits\": \"9f3c\", \"creator_id\": \"u\", \"restricted\": false,"
        + " \"permissions\": []}";
  }

  private static void redirect(String path, int status, String location) {
    home.stubFor(any(urlEqualTo(path)).willReturn(aResponse().withStatus(status)
        .withHeader("Location", location)));
  }

  private static UnexpectedStatusException notFollowed(Executable call) {
    return assertThrows(UnexpectedStatusException.class, call);
  }

  private static String crossOrigin(String where) {
    return "redirect to another origin (" + where + ") not followed: the SDK never sends"
        + " credentials outside its base URL's origin; set the base URL to the new address";
  }

  @Test
  void temporaryRedirectRepeatsMethodBodyAndHeaders() {
    redirect(KEY_PATH, 307, "/v2/api_key/key_1");
    home.stubFor(patch(urlEqualTo("/v2/api_key/key_1")).willReturn(okJson(key("key_1"))));

    ApiKey updated = client.apiKeys().update("key_1",
        UpdateApiKeyParams.builder().name("renamed").build());

    assertEquals("key_1", updated.id());
    for (String path : List.of(KEY_PATH, "/v2/api_key/key_1")) {
      home.verify(exactly(1), patchRequestedFor(urlEqualTo(path))
          .withHeader("Authorization", equalTo("Bearer " + TOKEN))
          .withHeader("x-account-id", equalTo("acct_1"))
          .withHeader("Content-Type", equalTo("application/json"))
          .withRequestBody(equalToJson("{\"name\": \"renamed\"}")));
    }
    home.verify(exactly(2), anyRequestedFor(anyUrl()));
  }

  @Test
  void permanentRedirectRepeatsAPostWithTheSameIdempotencyKey() {
    redirect("/v1/api_key/", 308, home.baseUrl() + "/v2/api_key/");
    home.stubFor(post(urlEqualTo("/v2/api_key/")).willReturn(okJson(
        key("key_new").replace("}", ", \"key\": \"sk-live-new\"}")).withStatus(201)));

    ApiKeyWithSecret created = client.apiKeys()
        .create(CreateApiKeyParams.builder().name("ci").build());

    assertEquals("sk-live-new", created.key());
    List<LoggedRequest> posts = home.findAll(postRequestedFor(anyUrl()));
    assertEquals(List.of("/v1/api_key/", "/v2/api_key/"),
        posts.stream().map(LoggedRequest::getUrl).toList());
    assertEquals(posts.get(0).getHeader("Idempotency-Key"),
        posts.get(1).getHeader("Idempotency-Key"));
    assertEquals(posts.get(0).getBodyAsString(), posts.get(1).getBodyAsString());
    assertEquals("Bearer " + TOKEN, posts.get(1).getHeader("Authorization"));
  }

  @Test
  void seeOtherTurnsIntoAGetWithoutBody() {
    redirect("/apikeys/key_1", 303, "/apikeys/key_1/result");
    home.stubFor(get(urlEqualTo("/apikeys/key_1/result")).willReturn(
        okJson("{\"success\": true}")));

    boolean success = client.accountApiKeys().update("key_1", ApiKeyInput.builder()
        .description("d").flatPermissionsList(List.of("readApplications")).build()).success();

    assertTrue(success);
    home.verify(exactly(1), patchRequestedFor(urlEqualTo("/apikeys/key_1")));
    home.verify(exactly(1), getRequestedFor(urlEqualTo("/apikeys/key_1/result"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withHeader("Content-Type", absent()));
    assertEquals("", home.findAll(getRequestedFor(anyUrl())).get(0).getBodyAsString());
  }

  @Test
  void movedAndFoundAreFollowedForAGet() {
    redirect(KEY_PATH, 301, "key_2");
    redirect("/v1/api_key/key_2", 302, home.baseUrl().replace("localhost", "LOCALHOST")
        + "/v1/api_key/key_3?from=2");
    home.stubFor(get(urlEqualTo("/v1/api_key/key_3?from=2")).willReturn(okJson(key("key_3"))));

    assertEquals("key_3", client.apiKeys().retrieve("key_1").id());

    home.verify(exactly(3), getRequestedFor(anyUrl())
        .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void movedAndFoundAreNotFollowedForOtherMethods() {
    redirect(KEY_PATH, 302, "/v2/api_key/key_1");
    redirect("/v1/api_key/", 302, "/v2/api_key/");
    String explained = "redirect to " + home.baseUrl() + "/v2/api_key/key_1" + NOT_FOLLOWED;

    UnexpectedStatusException update = notFollowed(() -> client.apiKeys()
        .update("key_1", UpdateApiKeyParams.builder().name("n").build()));
    UnexpectedStatusException delete = notFollowed(() -> client.apiKeys().delete("key_1"));
    UnexpectedStatusException create = notFollowed(() -> client.apiKeys()
        .create(CreateApiKeyParams.builder().name("ci").build()));

    assertEquals(302, update.statusCode());
    assertEquals(explained, update.error());
    assertEquals("HTTP 302: " + explained, update.getMessage());
    assertEquals(explained, delete.error());
    assertEquals("redirect to " + home.baseUrl() + "/v2/api_key/" + NOT_FOLLOWED,
        create.error());
    home.verify(exactly(3), anyRequestedFor(anyUrl()));
  }

  @Test
  void redirectToAnotherOriginIsNotFollowedAndReachesNobody() {
    redirect(KEY_PATH, 307, other.baseUrl() + KEY_PATH + "?token=x");
    redirect("/v1/api_key/key_2", 308,
        home.baseUrl().replace("localhost", "127.0.0.1") + "/v1/api_key/key_2");
    redirect("/v1/api_key/key_3", 301, home.baseUrl().replace("http:", "https:") + "/x");

    UnexpectedStatusException port = notFollowed(() -> client.apiKeys().retrieve("key_1"));
    UnexpectedStatusException host = notFollowed(() -> client.apiKeys().retrieve("key_2"));
    UnexpectedStatusException scheme = notFollowed(() -> client.apiKeys().retrieve("key_3"));

    assertEquals(crossOrigin(other.baseUrl() + KEY_PATH), port.error());
    assertEquals(307, port.statusCode());
    assertEquals(crossOrigin(home.baseUrl().replace("localhost", "127.0.0.1")
        + "/v1/api_key/key_2"), host.error());
    assertEquals(crossOrigin(home.baseUrl().replace("http:", "https:") + "/x"), scheme.error());
    other.verify(exactly(0), anyRequestedFor(anyUrl()));
    home.verify(exactly(3), anyRequestedFor(anyUrl()));
  }

  @Test
  void unreadableLocationIsNotFollowed() {
    redirect(KEY_PATH, 302, "/v1/api_key/a b|c");

    UnexpectedStatusException e = notFollowed(() -> client.apiKeys().retrieve("key_1"));

    assertEquals("redirect to an unreadable location, not followed", e.error());
    home.verify(exactly(1), anyRequestedFor(anyUrl()));
  }

  @Test
  void fiveRedirectsInARowAreFollowed() {
    chain(5);
    home.stubFor(get(urlEqualTo("/v1/api_key/r5")).willReturn(okJson(key("r5"))));

    assertEquals("r5", client.apiKeys().retrieve("r0").id());

    home.verify(exactly(6), getRequestedFor(anyUrl()));
  }

  @Test
  void theSixthRedirectInARowIsNotFollowed() {
    chain(6);

    UnexpectedStatusException e = notFollowed(() -> client.apiKeys().retrieve("r0"));

    assertEquals("redirect to " + home.baseUrl() + "/v1/api_key/r6" + NOT_FOLLOWED, e.error());
    home.verify(exactly(6), anyRequestedFor(anyUrl()));
    home.verify(exactly(0), anyRequestedFor(urlEqualTo("/v1/api_key/r6")));
  }

  @Test
  void asyncFollowsTheSameRules() throws Exception {
    redirect(KEY_PATH, 307, "/v2/api_key/key_1");
    home.stubFor(patch(urlEqualTo("/v2/api_key/key_1")).willReturn(okJson(key("key_1"))));
    redirect("/v1/api_key/key_2", 302, other.baseUrl() + "/v1/api_key/key_2");
    chain(6);

    ApiKey updated = client.async().apiKeys().update("key_1",
        UpdateApiKeyParams.builder().name("renamed").build()).get(5, TimeUnit.SECONDS);
    ExecutionException crossOrigin = assertThrows(ExecutionException.class,
        () -> client.async().apiKeys().retrieve("key_2").get(5, TimeUnit.SECONDS));
    ExecutionException tooMany = assertThrows(ExecutionException.class,
        () -> client.async().apiKeys().retrieve("r0").get(5, TimeUnit.SECONDS));

    assertEquals("key_1", updated.id());
    home.verify(exactly(1), patchRequestedFor(urlEqualTo("/v2/api_key/key_1"))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withRequestBody(equalToJson("{\"name\": \"renamed\"}")));
    assertEquals(crossOrigin(other.baseUrl() + "/v1/api_key/key_2"),
        assertInstanceOf(UnexpectedStatusException.class, crossOrigin.getCause()).error());
    assertEquals("redirect to " + home.baseUrl() + "/v1/api_key/r6" + NOT_FOLLOWED,
        assertInstanceOf(UnexpectedStatusException.class, tooMany.getCause()).error());
    other.verify(exactly(0), anyRequestedFor(anyUrl()));
    home.verify(exactly(2 + 1 + 6), anyRequestedFor(anyUrl()));
  }

  @Test
  void cancellingAnAsyncCallDuringARedirectChainEndsItAndFreesItsSlot() throws Exception {
    ApiKeysClient oneSlot = client.withOptions(b -> b.maxConcurrentRequests(1));
    redirect(KEY_PATH, 307, "/v1/api_key/slow");
    home.stubFor(get(urlEqualTo("/v1/api_key/slow")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "/v1/api_key/after").withFixedDelay(10_000)));
    home.stubFor(get(urlEqualTo("/v1/api_key/key_2")).willReturn(okJson(key("key_2"))));

    CompletableFuture<ApiKey> call = oneSlot.async().apiKeys().retrieve("key_1");
    awaitRequest("/v1/api_key/slow");
    assertTrue(call.cancel(true));

    assertThrows(CancellationException.class, call::join);
    ApiKey next = oneSlot.apiKeys().retrieve("key_2",
        RequestOptions.builder().timeout(Duration.ofSeconds(3)).build());
    assertEquals("key_2", next.id());
    home.verify(exactly(0), anyRequestedFor(urlEqualTo("/v1/api_key/after")));
    oneSlot.close();
  }

  /** Stubs /v1/api_key/r0 -> r1 -> ... -> r{n}, each a 302 with a relative Location. */
  private static void chain(int redirects) {
    for (int i = 0; i < redirects; i++) {
      redirect("/v1/api_key/r" + i, 302, "r" + (i + 1));
    }
  }

  private static void awaitRequest(String path) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (home.findAll(anyRequestedFor(urlEqualTo(path))).isEmpty()) {
      assertTrue(System.nanoTime() < deadline, "no request to " + path + " within 5 s");
      Thread.sleep(10);
    }
  }
}
