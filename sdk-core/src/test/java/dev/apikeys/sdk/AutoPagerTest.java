package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.apikeys.sdk.RuntimeFixtures.WAIT_SECONDS;
import static dev.apikeys.sdk.RuntimeFixtures.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.RuntimeFixtures.RecordingHttpClient;
import dev.apikeys.sdk.RuntimeFixtures.RecordingSleeper;
import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.errors.InternalServerException;
import dev.apikeys.sdk.errors.PermissionDeniedException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.SortOrder;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paging with {@link ApiKeyPage#autoPager()}, {@code stream()}, {@code pages()},
 * {@code nextPage()} and {@code nextPageParams()}. The listing is five keys in pages of two.
 */
class AutoPagerTest {

  private static final String PAGE_1 = "/v1/api_key/?limit=2";
  private static final String PAGE_2 = "/v1/api_key/?limit=2&after=key_2";
  private static final String PAGE_3 = "/v1/api_key/?limit=2&after=key_4";
  private static final ListApiKeysParams FIRST = ListApiKeysParams.builder().limit(2).build();
  private static final List<String> ALL = List.of("key_1", "key_2", "key_3", "key_4", "key_5");

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private final RecordingSleeper sleeper = RecordingSleeper.immediate();
  private ApiKeysClient client;

  @BeforeEach
  void setUp() {
    client = server.client(sleeper).accountId("acct_1").build();
  }

  @Test
  void autoPagerFollowsLastIdAndStopsOnHasMoreFalseWithoutAnExtraRequest() {
    stubThreePages();

    List<String> ids = new ArrayList<>();
    for (ApiKey key : client.apiKeys().list(FIRST).autoPager()) {
      ids.add(key.id());
    }

    assertEquals(ALL, ids);
    verifyEachPageOnce();
  }

  @Test
  void streamGivesEveryKeyInOrder() {
    stubThreePages();

    List<String> ids;
    try (Stream<ApiKey> keys = client.apiKeys().list(FIRST).autoPager().stream()) {
      ids = keys.map(ApiKey::id).toList();
    }

    assertEquals(ALL, ids);
    verifyEachPageOnce();
  }

  @Test
  void pagesGivesEveryPageFirstIncluded() {
    stubThreePages();

    List<List<String>> pages = new ArrayList<>();
    for (ApiKeyPage page : client.apiKeys().list(FIRST).autoPager().pages()) {
      pages.add(page.data().stream().map(ApiKey::id).toList());
    }

    assertEquals(List.of(List.of("key_1", "key_2"), List.of("key_3", "key_4"),
        List.of("key_5")), pages);
    verifyEachPageOnce();
  }

  @Test
  void nextPageFollowsLastIdAndIsEmptyAfterTheLastPage() {
    stubThreePages();

    ApiKeyPage first = client.apiKeys().list(FIRST);
    ApiKeyPage second = first.nextPage().orElseThrow();
    ApiKeyPage third = second.nextPage().orElseThrow();

    assertEquals(Optional.of("key_3"), second.firstId());
    assertFalse(third.hasNextPage());
    assertEquals(Optional.empty(), third.nextPageParams());
    assertEquals(Optional.empty(), third.nextPage());
    verifyEachPageOnce();
  }

  @Test
  void nextPageParamsKeepsLimitAndOrderAndSetsAfterToLastId() {
    String url = "/v1/api_key/?limit=2&order=desc";
    server.stubFor(get(urlEqualTo(url)).willReturn(okJson(page(true, "key_9", "key_8"))));

    ApiKeyPage first = client.apiKeys().list(ListApiKeysParams.builder()
        .limit(2).order(SortOrder.DESC).build());

    assertEquals(Optional.of(ListApiKeysParams.builder().limit(2).order(SortOrder.DESC)
        .after("key_8").build()), first.nextPageParams());
    server.verify(exactly(1), anyRequestedFor(anyUrl()));
  }

  @Test
  void listingThatSetsBeforePagesBackwardsFromFirstId() {
    server.stubFor(get(urlEqualTo("/v1/api_key/?limit=2&before=key_9"))
        .willReturn(okJson(page(true, "key_7", "key_8"))));
    server.stubFor(get(urlEqualTo("/v1/api_key/?limit=2&before=key_7"))
        .willReturn(okJson(page(false, "key_5", "key_6"))));

    List<String> ids = client.apiKeys().list(ListApiKeysParams.builder().limit(2)
        .before("key_9").build()).autoPager().stream().map(ApiKey::id).toList();

    assertEquals(List.of("key_7", "key_8", "key_5", "key_6"), ids);
    server.verify(exactly(2), anyRequestedFor(anyUrl()));
  }

  @Test
  void everyPageKeepsTheRequestOptions() {
    stubThreePages();
    RequestOptions options = RequestOptions.builder().accountId("acct_2")
        .header("X-Trace", "trace-7").build();

    List<String> ids = client.apiKeys().list(FIRST, options).autoPager().stream()
        .map(ApiKey::id).toList();

    assertEquals(ALL, ids);
    for (String url : List.of(PAGE_1, PAGE_2, PAGE_3)) {
      server.verify(exactly(1), getRequestedFor(urlEqualTo(url))
          .withHeader("x-account-id", equalTo("acct_2"))
          .withHeader("X-Trace", equalTo("trace-7")));
    }
    server.verify(exactly(3), anyRequestedFor(anyUrl()));
  }

  @Test
  void laterPagesKeepTheRequestTimeoutAndMaxRetries() {
    server.stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(page(true, "key_1", "key_2"))));
    server.stubFor(get(urlEqualTo(PAGE_2)).willReturn(okJson(page(false, "key_3"))
        .withFixedDelay(1000)));
    RequestOptions options = RequestOptions.builder().timeout(Duration.ofMillis(200))
        .maxRetries(0).build();
    Iterator<ApiKey> keys = client.apiKeys().list(FIRST, options).autoPager().iterator();

    assertEquals("key_1", keys.next().id());
    assertEquals("key_2", keys.next().id());
    ApiKeysIoException error = assertThrows(ApiKeysIoException.class, keys::hasNext);

    assertInstanceOf(HttpTimeoutException.class, error.getCause());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(PAGE_2)));
  }

  @Test
  void resumingFromASavedCursorFetchesOnlyTheLaterPages() {
    stubThreePages();
    String saved = client.apiKeys().list(FIRST).nextPageParams().orElseThrow()
        .after().orElseThrow();

    List<String> ids = client.apiKeys().list(ListApiKeysParams.builder().limit(2)
        .after(saved).build()).autoPager().stream().map(ApiKey::id).toList();

    assertEquals("key_2", saved);
    assertEquals(List.of("key_3", "key_4", "key_5"), ids);
    verifyEachPageOnce();
  }

  @Test
  void failedLaterPageThrowsItsTypedException() {
    server.stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(page(true, "key_1", "key_2"))));
    server.stubFor(get(urlEqualTo(PAGE_2)).willReturn(status(403)
        .withBody("{\"error\": \"not an administrator\"}")));
    Iterator<ApiKey> keys = client.apiKeys().list(FIRST).autoPager().iterator();

    assertEquals("key_1", keys.next().id());
    assertEquals("key_2", keys.next().id());
    PermissionDeniedException error = assertThrows(PermissionDeniedException.class,
        keys::hasNext);

    assertEquals("not an administrator", error.error());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(PAGE_2)));
  }

  @Test
  void failedPrefetchThrowsItsTypedExceptionWhenThePageIsReached() {
    server.stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(page(true, "key_1", "key_2"))));
    server.stubFor(get(urlEqualTo(PAGE_2)).willReturn(status(500)));
    Iterator<ApiKey> keys = client.apiKeys().list(FIRST).autoPager().withPrefetch().iterator();

    assertEquals("key_1", keys.next().id());
    assertEquals("key_2", keys.next().id());
    InternalServerException error = assertThrows(InternalServerException.class,
        keys::hasNext);

    assertEquals(500, error.statusCode());
    server.verify(exactly(3), getRequestedFor(urlEqualTo(PAGE_2)));
  }

  @Test
  void hasMoreWithAnEmptyPageEndsWithApiKeysException() {
    server.stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(page(true, "key_1", "key_2"))));
    server.stubFor(get(urlEqualTo(PAGE_2)).willReturn(okJson(page(true))));
    List<String> ids = new ArrayList<>();
    Iterator<ApiKey> keys = client.apiKeys().list(FIRST).autoPager().iterator();

    ApiKeysException error = assertThrows(ApiKeysException.class,
        () -> keys.forEachRemaining(key -> ids.add(key.id())));

    assertTrue(error.getMessage().contains("has_more: true with an empty page"),
        error.getMessage());
    assertEquals(List.of("key_1", "key_2"), ids);
    server.verify(exactly(2), anyRequestedFor(anyUrl()));
  }

  @Test
  void cursorThatDoesNotAdvanceEndsWithApiKeysException() {
    server.stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(page(true, "key_1", "key_2"))));
    server.stubFor(get(urlEqualTo(PAGE_2)).willReturn(okJson(page(true, "key_2"))));
    List<String> ids = new ArrayList<>();
    Iterator<ApiKey> keys = client.apiKeys().list(FIRST).autoPager().iterator();

    ApiKeysException error = assertThrows(ApiKeysException.class,
        () -> keys.forEachRemaining(key -> ids.add(key.id())));

    assertTrue(error.getMessage().contains("cursor did not advance (key_2)"),
        error.getMessage());
    assertEquals(List.of("key_1", "key_2", "key_2"), ids);
    server.verify(exactly(2), anyRequestedFor(anyUrl()));
  }

  @Test
  void cursorThatComesBackEndsWithApiKeysException() {
    server.stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(page(true, "key_1", "key_2"))));
    server.stubFor(get(urlEqualTo(PAGE_2)).willReturn(okJson(page(true, "key_3", "key_4"))));
    server.stubFor(get(urlEqualTo(PAGE_3)).willReturn(okJson(page(true, "key_1", "key_2"))));
    List<String> ids = new ArrayList<>();
    Iterator<ApiKey> keys = client.apiKeys().list(FIRST).autoPager().iterator();

    ApiKeysException error = assertThrows(ApiKeysException.class,
        () -> keys.forEachRemaining(key -> ids.add(key.id())));

    assertTrue(error.getMessage().contains("cursor key_2 a second time"), error.getMessage());
    assertEquals(List.of("key_1", "key_2", "key_3", "key_4", "key_1", "key_2"), ids);
    server.verify(exactly(1), getRequestedFor(urlEqualTo(PAGE_1)));
    server.verify(exactly(1), getRequestedFor(urlEqualTo(PAGE_2)));
    server.verify(exactly(1), getRequestedFor(urlEqualTo(PAGE_3)));
    server.verify(exactly(3), anyRequestedFor(anyUrl()));
  }

  @Test
  void eachIterationStartsAgainFromTheFirstPage() {
    stubThreePages();
    AutoPager pager = client.apiKeys().list(FIRST).autoPager();

    List<String> first = StreamSupport.stream(pager.spliterator(), false)
        .map(ApiKey::id).toList();
    List<String> second = StreamSupport.stream(pager.spliterator(), false)
        .map(ApiKey::id).toList();

    assertEquals(ALL, first);
    assertEquals(ALL, second);
    server.verify(exactly(1), getRequestedFor(urlEqualTo(PAGE_1)));
    server.verify(exactly(2), getRequestedFor(urlEqualTo(PAGE_2)));
    server.verify(exactly(2), getRequestedFor(urlEqualTo(PAGE_3)));
  }

  @Test
  void withoutPrefetchStoppingEarlyMakesNoFurtherRequest() {
    stubThreePages();
    RecordingHttpClient http = new RecordingHttpClient();
    ApiKeyPage first = server.client(sleeper).httpClient(http).build().apiKeys().list(FIRST);

    List<String> ids;
    try (Stream<ApiKey> keys = first.autoPager().stream()) {
      ids = keys.limit(2).map(ApiKey::id).toList();
    }

    assertEquals(List.of("key_1", "key_2"), ids);
    assertEquals(List.of(PAGE_1), http.startedUrls());
  }

  @Test
  void prefetchFetchesTheNextPageWhileTheCallerIsOnTheCurrentOne() {
    stubThreePages();
    RecordingHttpClient http = new RecordingHttpClient();
    ApiKeyPage first = server.client(sleeper).httpClient(http).build().apiKeys().list(FIRST);

    Iterator<ApiKey> keys = first.autoPager().withPrefetch().iterator();

    assertEquals(List.of(PAGE_1), http.startedUrls());
    assertEquals("key_1", keys.next().id());
    assertEquals(List.of(PAGE_1, PAGE_2), http.startedUrls());
    assertEquals("key_2", keys.next().id());
    assertEquals(List.of(PAGE_1, PAGE_2), http.startedUrls());
    assertEquals("key_3", keys.next().id());
    assertEquals(List.of(PAGE_1, PAGE_2, PAGE_3), http.startedUrls());
    assertEquals("key_4", keys.next().id());
    assertEquals("key_5", keys.next().id());
    assertFalse(keys.hasNext());
    assertEquals(List.of(PAGE_1, PAGE_2, PAGE_3), http.startedUrls());
    verifyEachPageOnce();
  }

  @Test
  void closingAPrefetchingStreamHalfWayCancelsThePrefetch() throws Exception {
    RecordingSleeper manual = RecordingSleeper.manual();
    ApiKeyPage first = pageOneOfAListingWhosePageTwoFails(manual);

    CompletableFuture<Void> retryWait;
    List<String> ids;
    try (Stream<ApiKey> keys = first.autoPager().withPrefetch().stream()) {
      ids = keys.limit(1).map(ApiKey::id).toList();
      retryWait = manual.nextWait();
    }

    assertEquals(List.of("key_1"), ids);
    assertThrows(CancellationException.class,
        () -> retryWait.get(WAIT_SECONDS, TimeUnit.SECONDS));
    assertFalse(retryWait.complete(null));
    server.verify(exactly(1), getRequestedFor(urlEqualTo(PAGE_2)));
    server.verify(exactly(2), anyRequestedFor(anyUrl()));
  }

  @Test
  void closingThePagerCancelsThePrefetchOfItsIterators() throws Exception {
    RecordingSleeper manual = RecordingSleeper.manual();
    ApiKeyPage first = pageOneOfAListingWhosePageTwoFails(manual);
    AutoPager pager = first.autoPager().withPrefetch();
    Iterator<ApiKey> keys = pager.iterator();

    assertEquals("key_1", keys.next().id());
    CompletableFuture<Void> retryWait = manual.nextWait();
    pager.close();

    assertThrows(CancellationException.class,
        () -> retryWait.get(WAIT_SECONDS, TimeUnit.SECONDS));
    server.verify(exactly(1), getRequestedFor(urlEqualTo(PAGE_2)));
    server.verify(exactly(2), anyRequestedFor(anyUrl()));
  }

  private ApiKeyPage pageOneOfAListingWhosePageTwoFails(RecordingSleeper manual) {
    server.stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(page(true, "key_1", "key_2"))));
    server.stubFor(get(urlEqualTo(PAGE_2)).willReturn(serviceUnavailable()));
    server.stubFor(get(urlEqualTo(PAGE_3)).willReturn(okJson(page(false, "key_5"))));
    return server.client(manual).build().apiKeys().list(FIRST);
  }

  private static void stubThreePages() {
    server.stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(page(true, "key_1", "key_2"))));
    server.stubFor(get(urlEqualTo(PAGE_2)).willReturn(okJson(page(true, "key_3", "key_4"))));
    server.stubFor(get(urlEqualTo(PAGE_3)).willReturn(okJson(page(false, "key_5"))));
  }

  private static void verifyEachPageOnce() {
    server.verify(exactly(1), getRequestedFor(urlEqualTo(PAGE_1)));
    server.verify(exactly(1), getRequestedFor(urlEqualTo(PAGE_2)));
    server.verify(exactly(1), getRequestedFor(urlEqualTo(PAGE_3)));
    server.verify(exactly(3), anyRequestedFor(anyUrl()));
  }
}
