package dev.apikeys.testkit;

import dev.apikeys.sdk.transport.Transport;
import dev.apikeys.sdk.transport.TransportRequest;
import dev.apikeys.sdk.transport.TransportResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A {@link Transport} that answers from a queue, for unit tests without HTTP: no server, no
 * socket, no thread. Give it to {@code ApiKeysClient.Builder.transport(...)}; each request the
 * client sends (retries and redirects included, since the SDK makes them above the transport)
 * takes the next queued answer, or the fallback once the queue is empty, and is recorded with
 * its headers and body, the SDK's own ({@code Authorization}, {@code User-Agent},
 * {@code Idempotency-Key}, ...) included, for the test to check.
 *
 * <pre>{@code
 * FakeTransport transport = FakeTransport.create()
 *     .enqueueJson(200, "{\"id\": \"key_1\", \"name\": \"ci\"}");
 * try (ApiKeysClient client = ApiKeysClient.builder().token("sk-test")
 *     .transport(transport).build()) {
 *   assertEquals("ci", client.apiKeys().retrieve("key_1").name());
 * }
 * assertEquals("/v1/api_key/key_1", transport.requests().get(0).uri().getPath());
 * }</pre>
 *
 * <p>Thread-safe. Closing it (the SDK does when its last client closes) keeps the recorded
 * requests readable and refuses further ones.
 */
public final class FakeTransport implements Transport {

  private final Deque<Function<TransportRequest, TransportResponse>> answers = new ArrayDeque<>();
  private final List<TransportRequest> requests = new ArrayList<>();
  private Function<TransportRequest, TransportResponse> fallback = FakeTransport::notQueued;
  private boolean closed;

  private FakeTransport() {
  }

  /**
   * Returns a transport with no answer queued: a request then fails the test with an
   * {@link AssertionError} that names it.
   *
   * @return the transport
   */
  public static FakeTransport create() {
    return new FakeTransport();
  }

  /**
   * Queues an answer.
   *
   * @param response the response the next request gets
   * @return this transport
   */
  public synchronized FakeTransport enqueue(TransportResponse response) {
    Objects.requireNonNull(response, "response must not be null");
    answers.add(request -> response);
    return this;
  }

  /**
   * Queues a JSON answer, {@code Content-Type: application/json}.
   *
   * @param status the status
   * @param json the body
   * @return this transport
   */
  public FakeTransport enqueueJson(int status, String json) {
    Objects.requireNonNull(json, "json must not be null");
    return enqueue(TransportResponse.of(status,
        Map.of("Content-Type", List.of("application/json")),
        json.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Queues a failure: the next request gets no response but this exception, as from a network
   * failure (an {@link IOException} the SDK may retry) or a timeout
   * ({@link java.net.http.HttpTimeoutException}).
   *
   * @param failure what the next request throws
   * @return this transport
   */
  public synchronized FakeTransport enqueueFailure(IOException failure) {
    Objects.requireNonNull(failure, "failure must not be null");
    answers.add(request -> {
      throw new Failure(failure);
    });
    return this;
  }

  /**
   * Sets how requests are answered once the queue is empty. Default: an
   * {@link AssertionError} that names the request.
   *
   * @param answer the answer to each such request
   * @return this transport
   */
  public synchronized FakeTransport otherwise(
      Function<TransportRequest, TransportResponse> answer) {
    this.fallback = Objects.requireNonNull(answer, "answer must not be null");
    return this;
  }

  /**
   * Returns the requests received so far, in order.
   *
   * @return the requests, a copy
   */
  public synchronized List<TransportRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public TransportResponse execute(TransportRequest request) throws IOException {
    Function<TransportRequest, TransportResponse> answer;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("this FakeTransport is closed");
      }
      requests.add(request);
      answer = answers.isEmpty() ? fallback : answers.poll();
    }
    try {
      return Objects.requireNonNull(answer.apply(request), "the answer was null");
    } catch (Failure failure) {
      throw failure.io;
    }
  }

  @Override
  public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
    try {
      return CompletableFuture.completedFuture(execute(request));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Refuses further requests; the recorded ones stay readable. */
  @Override
  public synchronized void close() {
    closed = true;
  }

  /** Shows how many requests came and how many answers are left. */
  @Override
  public synchronized String toString() {
    return "FakeTransport{requests=" + requests.size() + ", queued=" + answers.size()
        + ", closed=" + closed + '}';
  }

  private static TransportResponse notQueued(TransportRequest request) {
    throw new AssertionError("FakeTransport has no answer queued for " + request.method() + " "
        + request.uri().getRawPath() + "; queue one with enqueue(...) or set otherwise(...)");
  }

  /** Carries a queued I/O failure through the answer function. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient IOException io;

    Failure(IOException io) {
      super(null, null, false, false);
      this.io = io;
    }
  }
}
