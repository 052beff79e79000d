package dev.apikeys.sdk.internal.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * An HTTP server that answers {@code GET /v1/api_key/{id}} with a key of that id and counts the
 * requests in flight. An id starting with {@code held} is answered only when the test
 * {@link #release(int) releases} one; an id starting with {@code slow} after
 * {@link #SLOW_MS}. The count of a request ends before its answer is sent, so it never exceeds
 * what the client has in flight.
 */
final class InFlightServer implements AutoCloseable {

  /** How long a {@code slow} request takes to be answered. */
  static final int SLOW_MS = 600;

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Semaphore gate = new Semaphore(0);
  private final List<String> arrivals = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  InFlightServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Returns the ids asked for, in the order the requests arrived. */
  List<String> arrivals() {
    return List.copyOf(arrivals);
  }

  int inFlight() {
    return inFlight.get();
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  /** Lets {@code count} held requests be answered. */
  void release(int count) {
    gate.release(count);
  }

  /** Waits up to 5 s for a condition on this server. */
  void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "not within 5 s: " + what + "; arrivals: "
          + arrivals + ", in flight: " + inFlight);
      Thread.sleep(5);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String id = path.substring(path.lastIndexOf('/') + 1);
    arrivals.add(id);
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try {
      if (id.startsWith("held")) {
        gate.acquire();
      } else if (id.startsWith("slow")) {
        Thread.sleep(SLOW_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
    byte[] body = ("{\"id\": \"" + id + "\", \"name\": \"n\", \"created_date\":"
        + " \"2024-03-01T10:15:30Z\", \"last_four_digits\": \"9f3c\", \"creator_id\": \"u\","
        + " \"restricted\": false, \"permissions\": []}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    gate.release(10_000);
    server.stop(0);
    threads.shutdownNow();
  }
}
