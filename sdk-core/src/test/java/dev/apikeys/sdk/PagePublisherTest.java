package dev.apikeys.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.RuntimeFixtures.RecordingHttpClient;
import dev.apikeys.sdk.RuntimeFixtures.RecordingSleeper;
import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ListApiKeysParams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ApiKeyPage#publisher()}: keys with back-pressure (a page is fetched only when demand
 * needs it), cancellation, and errors through {@code onError}. Five keys in pages of two.
 */
class PagePublisherTest {

  private static final String PAGE_1 = "/v1/api_key/?limit=2";
  private static final String PAGE_2 = "/v1/api_key/?limit=2&after=key_2";
  private static final String PAGE_3 = "/v1/api_key/?limit=2&after=key_4";
  private static final ListApiKeysParams FIRST = ListApiKeysParams.builder().limit(2).build();
  private static final String COMPLETE = "complete";
  private static final String ERROR = "error";

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private ApiKeysClient client;

  @BeforeEach
  void setUp() {
    client = server.client(RecordingSleeper.immediate()).build();
  }

  @Test
  void demandOfOneEmitsOneKeyAndFetchesNoPageUntilDemandNeedsIt() throws Exception {
    stubThreePages();
    RecordingHttpClient http = new RecordingHttpClient();
    RecordingSubscriber subscriber = subscribe(server.client(RecordingSleeper.immediate())
        .httpClient(http).build().apiKeys().list(FIRST));

    subscriber.request(1);
    assertEquals(List.of("key_1"), subscriber.eventsSoFar());
    subscriber.request(1);
    assertEquals(List.of("key_2"), subscriber.eventsSoFar());
    assertEquals(List.of(PAGE_1), http.startedUrls());

    subscriber.request(1);
    assertEquals(List.of(PAGE_1, PAGE_2), http.startedUrls());
    assertEquals("key_3", subscriber.nextEvent());
    assertEquals(List.of(), subscriber.eventsSoFar());
    assertEquals(List.of(PAGE_1, PAGE_2), http.startedUrls());

    subscriber.request(Long.MAX_VALUE);
    assertEquals(List.of("key_4", "key_5", COMPLETE), subscriber.eventsUntilTerminal());
    assertEquals(List.of(PAGE_1, PAGE_2, PAGE_3), http.startedUrls());
    verifyEachPageOnce();
  }

  @Test
  void unboundedDemandEmitsEveryKeyThenCompletes() throws Exception {
    stubThreePages();
    RecordingSubscriber subscriber = subscribe(client.apiKeys().list(FIRST));

    subscriber.request(Long.MAX_VALUE);

    assertEquals(List.of("key_1", "key_2", "key_3", "key_4", "key_5", COMPLETE),
        subscriber.eventsUntilTerminal());
    verifyEachPageOnce();
  }

  @Test
  void demandBeyondLongMaxValueStaysUnbounded() throws Exception {
    stubThreePages();
    RecordingSubscriber subscriber = subscribe(client.apiKeys().list(FIRST));

    subscriber.request(Long.MAX_VALUE - 1);
    subscriber.request(Long.MAX_VALUE);

    assertEquals(List.of("key_1", "key_2", "key_3", "key_4", "key_5", COMPLETE),
        subscriber.eventsUntilTerminal());
  }

  @Test
  void lastPageCompletesOnceItsKeysAreEmitted() throws Exception {
    server.stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(page(false, "key_1", "key_2"))));
    RecordingSubscriber subscriber = subscribe(client.apiKeys().list(FIRST));

    subscriber.request(2);

    assertEquals(List.of("key_1", "key_2", COMPLETE), subscriber.eventsUntilTerminal());
    server.verify(exactly(1), anyRequestedFor(anyUrl()));
  }

  @Test
  void cancelStopsEmissionAndFetching() {
    stubThreePages();
    RecordingSubscriber subscriber = subscribe(client.apiKeys().list(FIRST));

    subscriber.request(1);
    subscriber.subscription.cancel();
    subscriber.request(10);

    assertEquals(List.of("key_1"), subscriber.eventsSoFar());
    server.verify(exactly(1), anyRequestedFor(anyUrl()));
  }

  @Test
  void cancelWhileAPageIsBeingFetchedCancelsThatRequest() throws Exception {
    RecordingSleeper manual = RecordingSleeper.manual();
    server.stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(page(true, "key_1", "key_2"))));
    server.stubFor(get(urlEqualTo(PAGE_2)).willReturn(serviceUnavailable()));
    RecordingSubscriber subscriber =
        subscribe(server.client(manual).build().apiKeys().list(FIRST));

    subscriber.request(3);
    CompletableFuture<Void> retryWait = manual.nextWait();
    subscriber.subscription.cancel();

    assertThrows(CancellationException.class,
        () -> retryWait.get(WAIT_SECONDS, TimeUnit.SECONDS));
    assertFalse(retryWait.complete(null));
    assertEquals(List.of("key_1", "key_2"), subscriber.eventsSoFar());
    server.verify(exactly(1), getRequestedFor(urlEqualTo(PAGE_2)));
  }

  @Test
  void failedPageArrivesThroughOnErrorWithTheTypedException() throws Exception {
    server.stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(page(true, "key_1", "key_2"))));
    server.stubFor(get(urlEqualTo(PAGE_2)).willReturn(status(404)
        .withBody("{\"error\": \"API key not found\"}")));
    RecordingSubscriber subscriber = subscribe(client.apiKeys().list(FIRST));

    subscriber.request(Long.MAX_VALUE);

    assertEquals(List.of("key_1", "key_2", ERROR), subscriber.eventsUntilTerminal());
    NotFoundException error = assertInstanceOf(NotFoundException.class, subscriber.error);
    assertEquals("API key not found", error.error());
  }

  @Test
  void emptyPageWithHasMoreArrivesThroughOnError() throws Exception {
    server.stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(page(true, "key_1", "key_2"))));
    server.stubFor(get(urlEqualTo(PAGE_2)).willReturn(okJson(page(true))));
    RecordingSubscriber subscriber = subscribe(client.apiKeys().list(FIRST));

    subscriber.request(Long.MAX_VALUE);

    assertEquals(List.of("key_1", "key_2", ERROR), subscriber.eventsUntilTerminal());
    assertInstanceOf(ApiKeysException.class, subscriber.error);
    server.verify(exactly(2), anyRequestedFor(anyUrl()));
  }

  @Test
  void cursorThatComesBackArrivesThroughOnErrorInsteadOfLooping() throws Exception {
    server.stubFor(get(urlEqualTo(PAGE_1)).willReturn(okJson(page(true, "key_1", "key_2"))));
    server.stubFor(get(urlEqualTo(PAGE_2)).willReturn(okJson(page(true, "key_3", "key_4"))));
    server.stubFor(get(urlEqualTo(PAGE_3)).willReturn(okJson(page(true, "key_1", "key_2"))));
    RecordingSubscriber subscriber = subscribe(client.apiKeys().list(FIRST));

    try {
      subscriber.request(Long.MAX_VALUE);

      assertEquals(List.of("key_1", "key_2", "key_3", "key_4", "key_1", "key_2", ERROR),
          subscriber.eventsUntilTerminal());
      assertInstanceOf(ApiKeysException.class, subscriber.error);
      assertTrue(subscriber.error.getMessage().contains("cursor key_2 a second time"),
          subscriber.error.getMessage());
      server.verify(exactly(1), getRequestedFor(urlEqualTo(PAGE_2)));
      server.verify(exactly(1), getRequestedFor(urlEqualTo(PAGE_3)));
      server.verify(exactly(3), anyRequestedFor(anyUrl()));
    } finally {
      subscriber.subscription.cancel();
    }
  }

  @Test
  void nonPositiveRequestSignalsIllegalArgumentException() throws Exception {
    stubThreePages();
    RecordingSubscriber subscriber = subscribe(client.apiKeys().list(FIRST));

    subscriber.request(0);

    assertEquals(List.of(ERROR), subscriber.eventsUntilTerminal());
    assertInstanceOf(IllegalArgumentException.class, subscriber.error);
    server.verify(exactly(1), anyRequestedFor(anyUrl()));
  }

  private static RecordingSubscriber subscribe(ApiKeyPage first) {
    RecordingSubscriber subscriber = new RecordingSubscriber();
    first.publisher().subscribe(subscriber);
    assertNotNull(subscriber.subscription, "onSubscribe must be called during subscribe");
    return subscriber;
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

  /** Records what a publisher signals: key ids, then {@code complete} or {@code error}. */
  private static final class RecordingSubscriber implements Flow.Subscriber<ApiKey> {
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile Throwable error;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
    }

    @Override
    public void onNext(ApiKey key) {
      events.add(key.id());
    }

    @Override
    public void onError(Throwable throwable) {
      error = throwable;
      events.add(ERROR);
    }

    @Override
    public void onComplete() {
      events.add(COMPLETE);
    }

    void request(long n) {
      subscription.request(n);
    }

    /** Returns and forgets the signals received so far, without waiting. */
    List<String> eventsSoFar() {
      List<String> drained = new ArrayList<>();
      events.drainTo(drained);
      return drained;
    }

    /** Waits for the next signal. */
    String nextEvent() throws InterruptedException {
      String event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertNotNull(event, "no signal within " + WAIT_SECONDS + " s");
      return event;
    }

    /** Waits for signals up to and including onComplete or onError. */
    List<String> eventsUntilTerminal() throws InterruptedException {
      List<String> received = new ArrayList<>();
      String event;
      do {
        event = nextEvent();
        received.add(event);
      } while (!event.equals(COMPLETE) && !event.equals(ERROR) && received.size() < 100);
      return received;
    }
  }
}
