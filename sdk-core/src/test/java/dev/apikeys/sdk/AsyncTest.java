package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.apikeys.sdk.RuntimeFixtures.WAIT_SECONDS;
import static dev.apikeys.sdk.RuntimeFixtures.jitteredBackoff;
import static dev.apikeys.sdk.RuntimeFixtures.key;
import static dev.apikeys.sdk.RuntimeFixtures.keyWithSecret;
import static dev.apikeys.sdk.RuntimeFixtures.page;
import static dev.apikeys.sdk.RuntimeFixtures.stubInOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.apikeys.sdk.RuntimeFixtures.RecordingSleeper;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.errors.AuthenticationException;
import dev.apikeys.sdk.errors.BadRequestException;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.errors.InvalidResponseException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code client.async().apiKeys()}: every operation, the same retries and typed errors as the
 * blocking API, waits that block no thread, and cancellation that stops further attempts.
 */
class AsyncTest {

  private static final String COLLECTION = "/v1/api_key/";
  private static final String KEY_PATH = "/v1/api_key/key_1";

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private final RecordingSleeper sleeper = RecordingSleeper.immediate();
  private ApiKeysServiceAsync keys;

  @BeforeEach
  void setUp() {
    keys = server.client(sleeper).build().async().apiKeys();
  }

  @Test
  void listRetriesAndCompletesWithThePage() throws Exception {
    String url = COLLECTION + "?limit=2";
    stubInOrder(server, () -> get(urlEqualTo(url)),
        serviceUnavailable(), okJson(page(true, "key_1", "key_2")));

    ApiKeyPage page = await(keys.list(ListApiKeysParams.builder().limit(2).build()));

    assertEquals(List.of("key_1", "key_2"), page.data().stream().map(ApiKey::id).toList());
    assertTrue(page.hasMore());
    server.verify(exactly(2), getRequestedFor(urlEqualTo(url)));
    assertEquals(List.of(jitteredBackoff(1)), sleeper.durations());
  }

  @Test
  void retrieveRetriesAndCompletesWithTheKey() throws Exception {
    stubInOrder(server, () -> get(urlEqualTo(KEY_PATH)),
        status(429), status(502), okJson(key("key_1")));

    ApiKey key = await(keys.retrieve("key_1"));

    assertEquals("name-key_1", key.name());
    server.verify(exactly(3), getRequestedFor(urlEqualTo(KEY_PATH)));
    assertEquals(List.of(jitteredBackoff(1), jitteredBackoff(2)), sleeper.durations());
  }

  @Test
  void createRetriesAndCompletesWithTheSecret() throws Exception {
    stubInOrder(server, () -> post(urlEqualTo(COLLECTION)), serviceUnavailable(),
        status(201).withHeader("Content-Type", "application/json")
            .withBody(keyWithSecret("key_1", "sk_live_new")));

    ApiKeyWithSecret created = await(keys.create(CreateApiKeyParams.builder()
        .name("ci").build()));

    assertEquals("sk_live_new", created.key());
    server.verify(exactly(2), postRequestedFor(urlEqualTo(COLLECTION))
        .withRequestBody(equalToJson("{\"name\": \"ci\"}")));
  }

  @Test
  void updateRetriesAndCompletesWithTheKey() throws Exception {
    stubInOrder(server, () -> patch(urlEqualTo(KEY_PATH)),
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), okJson(key("key_1")));

    ApiKey key = await(keys.update("key_1", UpdateApiKeyParams.builder().name("x").build()));

    assertEquals("key_1", key.id());
    server.verify(exactly(2), patchRequestedFor(urlEqualTo(KEY_PATH))
        .withRequestBody(equalToJson("{\"name\": \"x\"}")));
  }

  @Test
  void deleteRetriesAndCompletesWithNull() throws Exception {
    stubInOrder(server, () -> delete(urlEqualTo(KEY_PATH)), status(504), status(204));

    assertNull(await(keys.delete("key_1")));

    server.verify(exactly(2), deleteRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void notFoundCompletesExceptionallyWithNotFoundException() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(status(404)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\": \"API key not found\"}")));

    NotFoundException error = failure(keys.retrieve("key_1"), NotFoundException.class);

    assertEquals("API key not found", error.error());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void badRequestOnUpdateIsNotRetried() {
    server.stubFor(patch(urlEqualTo(KEY_PATH)).willReturn(status(400)
        .withBody("{\"error\": \"unknown permission\"}")));

    BadRequestException error = failure(keys.update("key_1",
        UpdateApiKeyParams.builder().name("x").build()), BadRequestException.class);

    assertEquals("unknown permission", error.error());
    server.verify(exactly(1), patchRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void unauthorizedListIsNotRetried() {
    server.stubFor(get(urlEqualTo(COLLECTION)).willReturn(status(401)));

    failure(keys.list(), AuthenticationException.class);

    server.verify(exactly(1), getRequestedFor(urlEqualTo(COLLECTION)));
  }

  @Test
  void exhaustedCreateRetriesCompleteWithInternalServerException() {
    server.stubFor(post(urlEqualTo(COLLECTION)).willReturn(status(500)));

    InternalServerException error = failure(keys.create(CreateApiKeyParams.builder()
        .name("ci").build()), InternalServerException.class);

    assertEquals(500, error.statusCode());
    server.verify(exactly(3), postRequestedFor(urlEqualTo(COLLECTION)));
  }

  @Test
  void exhaustedDeleteRetriesOnFaultsCompleteWithApiKeysIoException() {
    server.stubFor(delete(urlEqualTo(KEY_PATH))
        .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

    failure(keys.delete("key_1"), ApiKeysIoException.class);

    server.verify(exactly(3), deleteRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void unreadableSuccessCompletesWithInvalidResponseException() {
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(okJson("[1, 2]")));

    failure(keys.retrieve("key_1"), InvalidResponseException.class);

    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void backoffBlocksNoThreadAndTheCallGoesOnWhenTheWaitIsOver() throws Exception {
    RecordingSleeper manual = RecordingSleeper.manual();
    ApiKeysServiceAsync manualKeys = server.client(manual).build().async().apiKeys();
    stubInOrder(server, () -> get(urlEqualTo(KEY_PATH)),
        serviceUnavailable(), okJson(key("key_1")));

    CompletableFuture<ApiKey> call = manualKeys.retrieve("key_1");
    CompletableFuture<Void> backoff = manual.nextWait();

    assertEquals(List.of(jitteredBackoff(1)), manual.durations());
    assertFalse(call.isDone());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));

    backoff.complete(null);

    assertEquals("key_1", await(call).id());
    server.verify(exactly(2), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  @Test
  void cancellingDuringBackoffStopsFurtherAttempts() throws Exception {
    RecordingSleeper manual = RecordingSleeper.manual();
    ApiKeysServiceAsync manualKeys = server.client(manual).build().async().apiKeys();
    server.stubFor(get(urlEqualTo(KEY_PATH)).willReturn(serviceUnavailable()));

    CompletableFuture<ApiKey> call = manualKeys.retrieve("key_1");
    CompletableFuture<Void> backoff = manual.nextWait();
    assertTrue(call.cancel(true));

    assertThrows(CancellationException.class,
        () -> backoff.get(WAIT_SECONDS, TimeUnit.SECONDS));
    assertFalse(backoff.complete(null));
    assertTrue(call.isCancelled());
    assertEquals(1, manual.durations().size());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(KEY_PATH)));
  }

  private static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static <E extends Throwable> E failure(CompletableFuture<?> future,
      Class<E> expected) {
    ExecutionException error = assertThrows(ExecutionException.class,
        () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
    return assertInstanceOf(expected, error.getCause());
  }
}
