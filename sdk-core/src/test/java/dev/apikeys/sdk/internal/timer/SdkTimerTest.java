package dev.apikeys.sdk.internal.timer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RetryPolicy;
import dev.apikeys.sdk.SdkServer;
import dev.apikeys.sdk.Sleeper;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK's timer: when it fires, lingers and ends, on a {@link FakeTicker} whose time the test
 * sets; then the shared timer's wiring (the system sleeper, body deadlines, client counts) in
 * real time, asserting only what cannot come early, and the threads of the SDK's HTTP client.
 */
class SdkTimerTest {

  private static final long LINGER = TimeUnit.SECONDS.toNanos(2);
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @RegisterExtension
  static SdkServer server = SdkServer.create();

  private final FakeTicker ticker = new FakeTicker();
  private final SdkTimer timer = new SdkTimer(LINGER, ticker);

  @BeforeEach
  void stubOneRetry() {
    server.stubFor(get(urlEqualTo("/v1/api_key/key_1")).inScenario("retry")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("retried")
        .willReturn(aResponse().withStatus(503)));
    server.stubFor(get(urlEqualTo("/v1/api_key/key_1")).inScenario("retry")
        .whenScenarioStateIs("retried").willReturn(okJson(KEY)));
  }

  @AfterEach
  void endTheTimer() throws InterruptedException {
    while (timer.openClients() > 0) {
      timer.clientClosed();
    }
    ticker.advance(LINGER);
    ticker.awaitEnded();
  }

  private static final String KEY = "{\"id\": \"key_1\", \"name\": \"n\", \"created_date\":"
      + " \"2024-03-01T10:15:30Z\", \"last_four_digits\": \"9f3c\", \"creator_id\": \"u\","
      + " \"restricted\": false, \"permissions\": []}";

  @Test
  void anActionRunsAtItsDeadlineAndNotBefore() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    timer.schedule(100 * MS, ran::countDown);
    ticker.awaitParkedUntil(100 * MS);

    ticker.advance(99 * MS);
    ticker.awaitParkedUntil(100 * MS);
    assertEquals(1, ran.getCount(), "ran 1 ms early");
    ticker.advance(MS);

    assertTrue(ran.await(5, TimeUnit.SECONDS), "did not run at its deadline");
  }

  @Test
  void aCancelledActionNeverRuns() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch later = new CountDownLatch(1);
    timer.schedule(100 * MS, runs::incrementAndGet).cancel();
    timer.schedule(200 * MS, later::countDown);
    ticker.advance(200 * MS);

    assertTrue(later.await(5, TimeUnit.SECONDS), "the later action did not run");
    assertEquals(0, runs.get());
  }

  @Test
  void anEarlierDeadlineWakesTheTimerToSleepLess() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    timer.schedule(500 * MS, () -> { });
    ticker.awaitParkedUntil(500 * MS);

    timer.schedule(100 * MS, ran::countDown);
    ticker.awaitParkedUntil(100 * MS);
    ticker.advance(100 * MS);

    assertTrue(ran.await(5, TimeUnit.SECONDS), "the earlier action did not run");
  }

  @Test
  void lingersTwoSecondsAfterTheLastTaskWhileAClientIsOpen() throws InterruptedException {
    timer.clientOpened();
    runOneTaskAt(10 * MS);
    ticker.awaitParkedUntil(10 * MS + LINGER);

    ticker.advance(LINGER - MS);
    ticker.awaitParkedUntil(10 * MS + LINGER);
    assertTrue(timer.isRunning(), "ended before the linger was over");
    ticker.advance(MS);

    ticker.awaitEnded();
    assertFalse(timer.isRunning());
  }

  @Test
  void endsAtOnceWhenTheLastClientIsClosed() throws InterruptedException {
    timer.clientOpened();
    timer.clientOpened();
    runOneTaskAt(10 * MS);
    ticker.awaitParkedUntil(10 * MS + LINGER);

    timer.clientClosed();
    assertTrue(timer.isRunning(), "ended while a client was open");
    timer.clientClosed();

    ticker.awaitEnded();
    assertEquals(10 * MS, ticker.nanoTime(), "time passed");
  }

  @Test
  void endsWithoutLingeringWhenNoClientIsOpen() throws InterruptedException {
    runOneTaskAt(10 * MS);

    ticker.awaitEnded();
    assertFalse(timer.isRunning());
  }

  @Test
  void startsAgainForATaskAfterItEnded() throws InterruptedException {
    runOneTaskAt(10 * MS);
    ticker.awaitEnded();
    Thread first = ticker.thread();

    runOneTaskAt(20 * MS);

    assertNotSame(first, ticker.thread());
  }

  @Test
  void eachClientIsCountedOpenOnTheSharedTimerUntilClosed() {
    int before = SdkTimer.shared().openClients();
    ApiKeysClient client = server.client().build();
    ApiKeysClient derived = client.withOptions(b -> b.accountId("acct_2"));
    assertEquals(before + 2, SdkTimer.shared().openClients());

    client.close();
    client.close();
    assertEquals(before + 1, SdkTimer.shared().openClients());
    derived.close();
    assertEquals(before, SdkTimer.shared().openClients());
  }

  /** Schedules a task at {@code atNanos}, moves the time there and waits until it ran. */
  private void runOneTaskAt(long atNanos) throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    timer.schedule(atNanos, ran::countDown);
    ticker.advance(atNanos - ticker.nanoTime());
    assertTrue(ran.await(5, TimeUnit.SECONDS), "the task did not run");
  }

  @Test
  void systemSleeperWaitsForReal() throws Exception {
    long start = System.nanoTime();
    Sleeper.system().sleep(Duration.ofMillis(300)).get(5, TimeUnit.SECONDS);
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;

    assertTrue(elapsedMs >= 300, "woke early: " + elapsedMs + " ms");
  }

  @Test
  void retryWaitOnTheSystemSleeperIsRealTime() {
    try (ApiKeysClient client = server.client().retryPolicy(RetryPolicy.builder().maxRetries(1)
            .initialBackoff(Duration.ofMillis(400)).jitter(0).build()).build()) {
      server.stubFor(get(urlEqualTo("/v1/api_key/warm-up")).willReturn(okJson(KEY)));
      client.apiKeys().retrieve("warm-up");
      long start = System.nanoTime();
      assertEquals("key_1", client.apiKeys().retrieve("key_1").id());
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;

      List<LoggedRequest> requests = server.findAll(getRequestedFor(urlEqualTo(
          "/v1/api_key/key_1")));
      long gapMs = requests.get(1).getLoggedDate().getTime()
          - requests.get(0).getLoggedDate().getTime();
      assertTrue(gapMs >= 400 - 1, "retried early: gap " + gapMs + " ms");
      assertTrue(elapsedMs >= 400, "retried early: " + elapsedMs + " ms");
    }
  }

  @Test
  @Timeout(20)
  void stalledBodyFailsAtTheAttemptTimeout() throws Exception {
    try (StallingServer stalling = new StallingServer();
        ApiKeysClient client = ApiKeysClient.builder().baseUrl(stalling.baseUrl())
            .token("sk-test").maxRetries(0).timeout(Duration.ofMillis(500)).build()) {
      long start = System.nanoTime();
      ApiKeysIoException blocking = assertThrows(ApiKeysIoException.class,
          () -> client.apiKeys().retrieve("key_1"));
      long blockingMs = (System.nanoTime() - start) / 1_000_000;
      start = System.nanoTime();
      CompletableFuture<?> call = client.async().apiKeys().retrieve("key_2");
      ExecutionException async = assertThrows(ExecutionException.class,
          () -> call.get(5, TimeUnit.SECONDS));
      long asyncMs = (System.nanoTime() - start) / 1_000_000;

      String server = " to 127.0.0.1:" + stalling.port();
      assertEquals("GET /v1/api_key/key_1" + server + " timed out: response body not received"
          + " within PT0.5S", blocking.getMessage());
      assertEquals("GET /v1/api_key/key_2" + server + " timed out: response body not received"
          + " within PT0.5S", assertInstanceOf(ApiKeysIoException.class, async.getCause())
          .getMessage());
      assertTrue(blockingMs >= 500, "timed out early: " + blockingMs + " ms");
      assertTrue(asyncMs >= 500, "timed out early: " + asyncMs + " ms");
      assertEquals(2, stalling.requests());
    }
  }

  @Test
  void sdkHttpClientThreadsEndWhenTheLastClientIsClosed() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "HttpClient.shutdown() needs JDK 21");
    Set<Thread> before = httpClientThreads();
    ApiKeysClient client = server.client().build();
    ApiKeysClient derived = client.withOptions(b -> b.accountId("acct_2"));
    server.stubFor(get(urlEqualTo("/v1/api_key/key_2")).willReturn(okJson(KEY)));
    derived.apiKeys().retrieve("key_2");
    Set<Thread> started = httpClientThreads();
    started.removeAll(before);

    client.close();
    assertFalse(started.isEmpty(), "no HttpClient thread was started");
    assertTrue(started.stream().allMatch(Thread::isAlive), "the derived client still uses them");
    derived.apiKeys().retrieve("key_2");
    derived.close();

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (started.stream().anyMatch(Thread::isAlive)) {
      assertTrue(System.nanoTime() < deadline, "still alive after close: " + started.stream()
          .filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toList()));
      Thread.sleep(5);
    }
  }

  private static Set<Thread> httpClientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("HttpClient-"))
        .collect(Collectors.toSet());
  }

  /**
   * A ticker whose time moves only when the test moves it. The timer's thread parks on it
   * until the test advances the time or the timer wakes it; each park's end is recorded.
   */
  private static final class FakeTicker implements SdkTimer.Ticker {
    private final BlockingQueue<Long> parkedUntil = new LinkedBlockingQueue<>();
    private volatile long now;
    private volatile Thread timerThread;

    @Override
    public long nanoTime() {
      if (Thread.currentThread().getName().equals("apikeys-timer")) {
        timerThread = Thread.currentThread();
      }
      return now;
    }

    @Override
    public void park(Object blocker, long nanos) {
      parkedUntil.add(now + nanos);
      LockSupport.park(blocker);
    }

    /** Returns the last timer thread that read this ticker's time. */
    Thread thread() {
      return timerThread;
    }

    /** Moves the time on and wakes the timer's thread, as the end of its sleep would. */
    void advance(long nanos) {
      now += nanos;
      Thread thread = timerThread;
      if (thread != null) {
        LockSupport.unpark(thread);
      }
    }

    /** Waits until the timer's thread parks until {@code deadline}; fails after 5 s. */
    void awaitParkedUntil(long deadline) throws InterruptedException {
      List<Long> seen = new ArrayList<>();
      long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < giveUp) {
        Long until = parkedUntil.poll(10, TimeUnit.MILLISECONDS);
        if (until != null && until == deadline) {
          return;
        }
        if (until != null) {
          seen.add(until);
        }
      }
      throw new AssertionError("never parked until " + deadline + "; parked until " + seen);
    }

    /** Waits until the timer's thread (if one ran) has ended; fails after 5 s. */
    void awaitEnded() throws InterruptedException {
      Thread thread = timerThread;
      if (thread != null) {
        LockSupport.unpark(thread);
        thread.join(TimeUnit.SECONDS.toMillis(5));
        assertFalse(thread.isAlive(), "the timer thread did not end");
      }
      parkedUntil.clear();
    }
  }

  /** A server that answers with headers and the start of a body, then nothing. */
  private static final class StallingServer implements AutoCloseable {
    private final ServerSocket listener =
        new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    StallingServer() throws IOException {
      Thread accepting = new Thread(this::serve, "stalling-server");
      accepting.setDaemon(true);
      accepting.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + port();
    }

    int port() {
      return listener.getLocalPort();
    }

    int requests() {
      return open.size();
    }

    private void serve() {
      try {
        while (true) {
          Socket socket = listener.accept();
          readHeaders(socket.getInputStream());
          OutputStream out = socket.getOutputStream();
          out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
              + "Content-Length: 500\r\n\r\n{\"id\": ").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          open.add(socket);
        }
      } catch (IOException closed) {
        // The server was closed.
      }
    }

    private static void readHeaders(InputStream in) throws IOException {
      int matched = 0;
      byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
      while (matched < end.length) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
      }
    }

    @Override
    public void close() throws IOException {
      listener.close();
      for (Socket socket : open) {
        socket.close();
      }
    }
  }
}
