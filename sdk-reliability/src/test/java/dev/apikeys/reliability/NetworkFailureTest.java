package dev.apikeys.reliability;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.RetryPolicy;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.interceptors.AttemptContext;
import dev.apikeys.sdk.interceptors.AttemptOutcome;
import dev.apikeys.sdk.interceptors.Interceptor;
import dev.apikeys.sdk.models.ListApiKeysParams;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A call that cannot reach the server fails with an {@link ApiKeysIoException} whose message
 * names the call, the host and port, and the cause in words a user can act on, the transport's
 * exception kept as its cause; the failures no retry can fix are tried once, the others
 * {@code 1 + maxRetries} times, on the blocking and the async path alike, on every transport:
 * one classifier reads the JDK's and Apache HttpClient's exceptions alike. An interceptor counts
 * the attempts.
 */
class NetworkFailureTest {

  private static final String CALL = "GET /v1/api_key/key_1";
  private static final String TOKEN = "sk-network-failure-3e8a";

  private static final ReportTable TABLE = ReportTable.create("15-network-failures",
      "Network failures: each named in the message, retried only when a retry can help",
      "transport", "failure", "api", "attempts", "message (ports as <port>)", "cause")
      .note("Default retry policy with two retries; the attempts are counted by an interceptor."
          + " Each failure is real: a closed port, a name that cannot resolve, a listener whose"
          + " backlog is full (the connect times out), WireMock's self-signed certificate, TLS"
          + " to a plain HTTP port, a server that refuses the only cipher suite offered, and one"
          + " that reads the TLS hello and closes.");
  /** Draws 0.5 ({@code nextDouble} of 2^63 unsigned), so 25% jitter takes 12.5% off. */
  private static final RandomGenerator HALF_JITTER = () -> Long.MIN_VALUE;

  /** WireMock's https port serves its own self-signed certificate, which no JDK trusts. */
  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().dynamicHttpsPort()).build();

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final List<Integer> attempts = new CopyOnWriteArrayList<>();
  private final List<ApiKeysClient> clients = new ArrayList<>();

  @AfterEach
  void closeClients() {
    clients.forEach(ApiKeysClient::close);
  }

  @AfterAll
  static void writeRows() {
    TABLE.write();
  }

  static Stream<Arguments> everyWay() {
    return Stream.of(TransportKind.values()).flatMap(transport -> Stream.of(Path.values())
        .map(path -> Arguments.of(transport, path)));
  }

  /** The blocking and the async way to make the same call. */
  enum Path {
    BLOCKING, ASYNC;

    ApiKeysIoException fails(ApiKeysClient client) {
      if (this == BLOCKING) {
        return assertThrows(ApiKeysIoException.class, () -> client.apiKeys().retrieve("key_1"));
      }
      CompletionException wrapped = assertThrows(CompletionException.class,
          () -> client.async().apiKeys().retrieve("key_1").join());
      return assertInstanceOf(ApiKeysIoException.class, wrapped.getCause());
    }
  }

  @ParameterizedTest
  @MethodSource("everyWay")
  void refusedPortNamesHostAndPortAndIsRetried(TransportKind transport, Path path)
      throws IOException {
    int port = closedPort();

    ApiKeysIoException error = path.fails(client(transport, "http://localhost:" + port, b -> b));

    assertEquals(CALL + " to localhost:" + port + " failed: connection refused (nothing"
        + " listens on that port, or a firewall rejects it)", error.getMessage());
    assertInstanceOf(ConnectException.class, error.getCause());
    assertRetriedTwice();
    record(transport, "connection refused", path, error);
  }

  @Test
  void theMessageNamesThePathButNeverTheQueryOrTheToken() throws IOException {
    int port = closedPort();
    ApiKeysClient client = client(TransportKind.JDK, "http://localhost:" + port,
        b -> b.maxRetries(0));

    ApiKeysIoException error = assertThrows(ApiKeysIoException.class, () -> client.apiKeys()
        .list(ListApiKeysParams.builder().limit(5).after("key_cursor_7").build()));

    assertEquals("GET /v1/api_key/ to localhost:" + port + " failed: connection refused"
        + " (nothing listens on that port, or a firewall rejects it)", error.getMessage());
    for (Throwable e = error; e != null; e = e.getCause()) {
      assertFalse(String.valueOf(e).contains(TOKEN), e.toString());
      assertFalse(String.valueOf(e).contains("key_cursor_7"), e.toString());
    }
  }

  @ParameterizedTest
  @MethodSource("everyWay")
  void unknownHostIsNotRetried(TransportKind transport, Path path) {
    ApiKeysIoException error = path.fails(client(transport, "http://apikeys.invalid:3000", b -> b));

    assertEquals(CALL + " to apikeys.invalid:3000 failed: unknown host (the name does not"
        + " resolve: check the host name and the DNS)", error.getMessage());
    if (transport == TransportKind.JDK) {
      assertInstanceOf(ConnectException.class, error.getCause());
      assertInstanceOf(UnresolvedAddressException.class, rootCause(error));
    } else {
      assertInstanceOf(UnknownHostException.class, error.getCause());
    }
    assertTriedOnce();
    record(transport, "unknown host", path, error);
  }

  /**
   * A listener that never accepts, its backlog filled: the kernel drops the next connection
   * request, so the connect times out on loopback, deterministically, without any sleep.
   */
  @ParameterizedTest
  @MethodSource("everyWay")
  void connectTimeoutIsRetried(TransportKind transport, Path path) throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Socket> queued = fillBacklog(listener);
      try {
        ApiKeysIoException error = path.fails(client(transport, "http://127.0.0.1:"
            + listener.getLocalPort(), b -> b, Duration.ofMillis(200)));

        assertEquals(CALL + " to 127.0.0.1:" + listener.getLocalPort() + " failed: connect"
            + " timed out (the host did not answer: it is down or unreachable, or a firewall"
            + " drops the connection)", error.getMessage());
        assertEquals(transport == TransportKind.JDK ? HttpConnectTimeoutException.class
            : org.apache.hc.client5.http.ConnectTimeoutException.class,
            error.getCause().getClass());
        assertRetriedTwice();
        record(transport, "connect timeout", path, error);
      } finally {
        for (Socket socket : queued) {
          socket.close();
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("everyWay")
  void untrustedCertificateIsNotRetriedAndPointsAtTheTrustStore(TransportKind transport,
      Path path) {
    ApiKeysIoException error = path.fails(client(transport, https(), b -> b));

    assertEquals(CALL + " to localhost:" + server.getHttpsPort() + " failed: certificate not"
        + " trusted (unable to find valid certification path to requested target): trust the"
        + " server's certificate or its CA in the trust store the client uses: the JDK's"
        + " (javax.net.ssl.trustStore), or the SSLContext of your own HttpClient or of the"
        + " transport",
        error.getMessage());
    assertInstanceOf(SSLHandshakeException.class, error.getCause());
    assertTriedOnce();
    record(transport, "untrusted certificate", path, error);
  }

  @ParameterizedTest
  @MethodSource("everyWay")
  void httpsToAPlainHttpPortIsNotRetried(TransportKind transport, Path path) {
    ApiKeysIoException error = path.fails(client(transport, "https://localhost:" + server.getPort(),
        b -> b));

    assertEquals(CALL + " to localhost:" + server.getPort() + " failed: the server does not"
        + " speak TLS (https:// to a plain HTTP port? use http://, or the port that serves TLS)",
        error.getMessage());
    assertInstanceOf(SSLException.class, error.getCause());
    assertTriedOnce();
    record(transport, "https to a plain HTTP port", path, error);
  }

  /**
   * The client offers only a cipher suite the server (Jetty, which bans SHA-1) refuses: set on a
   * JDK client of the user's own, which only the JDK transport takes.
   */
  @ParameterizedTest
  @EnumSource(Path.class)
  void handshakeFailureIsNotRetriedAndGivesTheJdksReason(Path path) throws Exception {
    SSLParameters onlyShaOne = new SSLParameters(
        new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"}, new String[] {"TLSv1.2"});
    HttpClient httpClient = HttpClient.newBuilder().sslContext(SSLContext.getDefault())
        .sslParameters(onlyShaOne).build();

    ApiKeysIoException error = path.fails(client(null, https(),
        b -> b.httpClient(httpClient)));

    assertEquals(CALL + " to localhost:" + server.getHttpsPort() + " failed: TLS handshake"
        + " failed (Received fatal alert: handshake_failure)", error.getMessage());
    assertInstanceOf(SSLHandshakeException.class, error.getCause());
    assertTriedOnce();
    record("JDK, own HttpClient", "TLS handshake refused", path, error);
  }

  /**
   * A server that reads the client's hello and closes the connection cuts the handshake off: a
   * network failure, not a disagreement about TLS, so it is retried. (Reading first makes the
   * close a clean end of stream, never a reset.)
   */
  @ParameterizedTest
  @MethodSource("everyWay")
  void handshakeCutOffByTheServerIsRetried(TransportKind transport, Path path) throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread closer = new Thread(() -> {
        while (!listener.isClosed()) {
          try (Socket connection = listener.accept()) {
            connection.getInputStream().read(new byte[16_384]);
          } catch (IOException closed) {
            return;
          }
        }
      }, "reads-the-hello-and-closes");
      closer.setDaemon(true);
      closer.start();

      ApiKeysIoException error = path.fails(client(transport, "https://127.0.0.1:"
          + listener.getLocalPort(), b -> b));

      assertEquals(CALL + " to 127.0.0.1:" + listener.getLocalPort() + " failed: the"
          + " connection closed during the TLS handshake (the server may be restarting or"
          + " overloaded, or it drops this client's TLS offer)", error.getMessage());
      assertInstanceOf(SSLHandshakeException.class, error.getCause());
      assertRetriedTwice();
      record(transport, "TLS handshake cut off", path, error);
    }
  }

  private ApiKeysClient client(TransportKind transport, String baseUrl,
      UnaryOperator<ApiKeysClient.Builder> more) {
    return client(transport, baseUrl, more, TransportKind.CONNECT_TIMEOUT);
  }

  private ApiKeysClient client(TransportKind transport, String baseUrl,
      UnaryOperator<ApiKeysClient.Builder> more, Duration connectTimeout) {
    ApiKeysClient.Builder builder = ApiKeysClient.builder()
        .baseUrl(baseUrl)
        .token(TOKEN)
        .retryPolicy(RetryPolicy.builder().maxRetries(2).random(HALF_JITTER).build())
        .sleeper(sleeper)
        .addInterceptor(new Interceptor() {
          @Override
          public void afterAttempt(AttemptContext attempt, AttemptOutcome outcome) {
            attempts.add(attempt.number());
          }
        });
    // no transport: the test sets its own HttpClient
    ApiKeysClient client = more.apply(transport == null ? builder
        : transport.on(builder, connectTimeout)).build();
    clients.add(client);
    return client;
  }

  /** Records the case's row; called after its assertions held. */
  private void record(Object transport, String failure, Path path, ApiKeysIoException error) {
    TABLE.check(List.of(transport, failure, path.name().toLowerCase(Locale.ROOT),
        attempts.size(), error.getMessage().replaceAll(":\\d+", ":<port>"),
        error.getCause().getClass().getSimpleName()), () -> { });
  }

  private void assertRetriedTwice() {
    assertEquals(List.of(1, 2, 3), attempts);
    // 0.5 s then 1 s, less the 12.5% that half of the 25% jitter takes off
    assertEquals(List.of(Duration.ofNanos(437_500_000), Duration.ofMillis(875)),
        sleeper.waits());
  }

  private void assertTriedOnce() {
    assertEquals(List.of(1), attempts);
    assertEquals(List.of(), sleeper.waits());
  }

  private static String https() {
    return "https://localhost:" + server.getHttpsPort();
  }

  /** A port that nothing listens on: bound, then closed. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Connects until the listener's queue is full, which the first connect timeout shows. */
  private static List<Socket> fillBacklog(ServerSocket listener) throws IOException {
    List<Socket> queued = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(listener.getInetAddress(),
            listener.getLocalPort()), 200);
        queued.add(socket);
      } catch (SocketTimeoutException full) {
        socket.close();
        return queued;
      }
    }
    queued.forEach(NetworkFailureTest::closeQuietly);
    return fail("the listener's queue never filled: this system does not drop connection"
        + " requests to a full backlog");
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // Only test cleanup.
    }
  }

  private static Throwable rootCause(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
