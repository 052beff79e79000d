package dev.apikeys.sdk.internal.timer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RetryPolicy;
import dev.apikeys.sdk.Sleeper;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK's timer thread, the system sleeper, body deadlines and the threads of the SDK's own
 * HTTP client: real time, measured within tolerances, never slept for.
 */
class SdkTimerTest {

  /** The timer lingers 2 s after its last task while a client is open; "at once" is below. */
  private static final long AT_ONCE_MS = 1000;
  /** How late a timed event may come on a busy two-core machine (load 8 seen here). */
  private static final long TOLERANCE_MS = 3000;

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort()).build();

  @BeforeEach
  void stubOneRetry() {
    server.stubFor(get(urlEqualTo("/v1/api_key/key_1")).inScenario("retry")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("retried")
        .willReturn(aResponse().withStatus(503)));
    server.stubFor(get(urlEqualTo("/v1/api_key/key_1")).inScenario("retry")
        .whenScenarioStateIs("retried").willReturn(okJson(KEY)));
  }

  private static final String KEY = "{\"id\": \"key_1\", \"name\": \"n\", \"created_date\":"
      + " \"2024-03-01T10:15:30Z\", \"last_four_digits\": \"9f3c\", \"creator_id\": \"u\","
      + " \"restricted\": false, \"permissions\": []}";

  @Test
  void timerThreadEndsAtOnceWhenTheLastClientIsClosed() throws Exception {
    String line = probe("close");

    long endedAfter = endedAfterMs(line);
    assertTrue(line.startsWith("alive=true "), line);
    assertTrue(endedAfter >= 0 && endedAfter < AT_ONCE_MS, line);
  }

  @Test
  void timerThreadLingersAboutTwoSecondsWhileAClientIsOpen() throws Exception {
    String line = probe("idle");

    long endedAfter = endedAfterMs(line);
    assertTrue(line.startsWith("alive=true "), line);
    assertTrue(endedAfter >= 2000 - 100 && endedAfter < 2000 + TOLERANCE_MS, line);
  }

  @Test
  void systemSleeperWaitsForReal() throws Exception {
    long start = System.nanoTime();
    Sleeper.system().sleep(Duration.ofMillis(300)).get(5, TimeUnit.SECONDS);
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;

    assertTrue(elapsedMs >= 300 && elapsedMs < 300 + TOLERANCE_MS, elapsedMs + " ms");
  }

  @Test
  void retryWaitOnTheSystemSleeperIsRealTime() {
    try (ApiKeysClient client = ApiKeysClient.builder().baseUrl(server.baseUrl())
        .token("sk-test").retryPolicy(RetryPolicy.builder().maxRetries(1)
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
      assertTrue(gapMs >= 400 - 1 && gapMs < 400 + TOLERANCE_MS, "gap " + gapMs + " ms");
      assertTrue(elapsedMs >= 400 && elapsedMs < 400 + TOLERANCE_MS, elapsedMs + " ms");
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
      assertTrue(blockingMs >= 500 && blockingMs < 500 + TOLERANCE_MS, blockingMs + " ms");
      assertTrue(asyncMs >= 500 && asyncMs < 500 + TOLERANCE_MS, asyncMs + " ms");
      assertEquals(2, stalling.requests());
    }
  }

  @Test
  void sdkHttpClientThreadsEndWhenTheLastClientIsClosed() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "HttpClient.shutdown() needs JDK 21");
    Set<Thread> before = httpClientThreads();
    ApiKeysClient client = ApiKeysClient.builder().baseUrl(server.baseUrl()).token("sk-test")
        .maxRetries(0).build();
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

  /** Runs {@link TimerProbe} in a JVM of its own and returns the line it printed. */
  private static String probe(String mode) throws Exception {
    Process process = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        TimerProbe.class.getName(), server.baseUrl(), mode)
        .redirectErrorStream(true).start();
    String output;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      output = out.lines().collect(Collectors.joining("\n"));
    }
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the probe did not end");
    assertEquals(0, process.exitValue(), output);
    server.verify(exactly(2), getRequestedFor(urlEqualTo("/v1/api_key/key_1")));
    String line = output.lines().filter(l -> l.startsWith("alive=")).findFirst().orElse(output);
    System.out.println("SdkTimerTest: timer probe (" + mode + "): " + line);
    return line;
  }

  private static long endedAfterMs(String line) {
    return Long.parseLong(line.substring(line.indexOf("endedAfterMs=") + 13).trim());
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
