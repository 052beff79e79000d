package dev.apikeys.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The cheapest API server there is: the JDK's {@link HttpServer} on 127.0.0.1, a free port,
 * answering from {@link CannedPages} after an optional artificial latency. Serves every
 * contender alike. It checks the bearer token, so that a contender that skips it fails. It
 * sets TCP_NODELAY on its connections, as production servers do.
 *
 * <p>Routes: {@code GET /v1/api_key/{id}} answers {@link CannedPages#RETRIEVED_ID};
 * {@code GET /v1/api_key/?after=...} answers the page after the cursor ({@code limit} is
 * ignored: pages are always {@link CannedPages#pageSize()} long).
 */
public final class CannedApiServer implements AutoCloseable {

  /** The token every contender sends. */
  public static final String TOKEN = "sk-benchmark";

  private static final String AUTHORIZATION = "Bearer " + TOKEN;

  static {
    // Without TCP_NODELAY the server's separate header and body writes meet the client's
    // delayed ACK, and every small response waits about 40 ms. Read once, at the first start.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }
  private static final String COLLECTION = "/v1/api_key/";
  // 10,000 connections open at once in the virtual-thread scenario; the kernel caps the
  // accept queue at net.core.somaxconn (4096 by default).
  private static final int BACKLOG = 10_000;

  private final HttpServer server;
  private final ExecutorService handlers;
  private final CannedPages pages;
  private final long latencyMillis;

  private CannedApiServer(HttpServer server, ExecutorService handlers, CannedPages pages,
      Duration latency) {
    this.server = server;
    this.handlers = handlers;
    this.pages = pages;
    this.latencyMillis = latency.toMillis();
  }

  /**
   * Starts a server.
   *
   * @param pages what it answers
   * @param latency how long it waits before each answer; zero for none
   * @return the started server
   * @throws IOException if no port can be bound
   */
  public static CannedApiServer start(CannedPages pages, Duration latency) throws IOException {
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
    ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "canned-api-server");
      thread.setDaemon(true);
      return thread;
    });
    CannedApiServer canned = new CannedApiServer(server, handlers, pages, latency);
    server.createContext(COLLECTION, canned::handle);
    server.setExecutor(handlers);
    server.start();
    return canned;
  }

  /** Returns the base URL to give a client, such as {@code http://127.0.0.1:40123}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Stops the server at once. */
  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
    try {
      handlers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      if (!AUTHORIZATION.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer(exchange, 401, "{\"error\":\"User not authenticated\"}".getBytes(
            StandardCharsets.US_ASCII));
        return;
      }
      byte[] body = route(exchange.getRequestMethod(), exchange.getRequestURI());
      waitLatency();
      if (body == null) {
        answer(exchange, 404, "{\"error\":\"API key not found\"}".getBytes(
            StandardCharsets.US_ASCII));
      } else {
        answer(exchange, 200, body);
      }
    }
  }

  private byte[] route(String method, URI uri) {
    String path = uri.getRawPath();
    if (!"GET".equals(method) || !path.startsWith(COLLECTION)) {
      return null;
    }
    if (path.length() == COLLECTION.length()) {
      return pages.pageAfter(queryParam(uri.getRawQuery(), "after"));
    }
    return pages.retrieved();
  }

  private void waitLatency() {
    if (latencyMillis > 0) {
      try {
        Thread.sleep(latencyMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  private static String queryParam(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
