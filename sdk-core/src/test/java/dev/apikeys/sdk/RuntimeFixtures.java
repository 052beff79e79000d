package dev.apikeys.sdk;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Shared fixtures of the runtime tests (retry, timeouts, async, paging, logging): JSON bodies,
 * a recording {@link Sleeper}, a recording JDK client, a fake clock, fixed jitter and a WireMock
 * helper; the server and its clients are {@link SdkServer}.
 */
final class RuntimeFixtures {

  /** The bearer token every test client sends. */
  static final String TOKEN = SdkServer.TOKEN;

  /** How long a test waits for something that happens on another thread before failing. */
  static final long WAIT_SECONDS = 5;

  /** A random source that always draws 0.5, so the default 25% jitter takes 12.5% off. */
  static final RandomGenerator HALF_JITTER = fixedRandom(0.5);

  private static final AtomicInteger SEQUENCES = new AtomicInteger();

  private RuntimeFixtures() {
  }

  /** Returns a random source whose {@code nextDouble()} always returns {@code value}. */
  static RandomGenerator fixedRandom(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0L;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }

  /** Returns the default policy with {@code maxRetries} and the fixed {@link #HALF_JITTER}. */
  static RetryPolicy policy(int maxRetries) {
    return RetryPolicy.builder().maxRetries(maxRetries).random(HALF_JITTER).build();
  }

  /** Returns the default backoff of retry {@code retry} with {@link #HALF_JITTER} taken off. */
  static Duration jitteredBackoff(int retry) {
    long exponential = Math.min(500L << (retry - 1), 8000L);
    return Duration.ofNanos((long) (Duration.ofMillis(exponential).toNanos() * 0.875));
  }

  /** Returns the JSON of an API key with this id. */
  static String key(String id) {
    return "{\"id\": \"" + id + "\", \"name\": \"name-" + id + "\","
        + " \"created_date\": \"2024-03-01T10:15:30Z\", \"last_four_digits\": \"9f3c\","
        + " \"creator_id\": \"user_7\", \"restricted\": false, \"permissions\": []}";
  }

  /** Returns the JSON of a just-created API key, with its secret {@code key}. */
  static String keyWithSecret(String id, String secret) {
    String key = key(id);
    return key.substring(0, key.length() - 1) + ", \"key\": \"" + secret + "\"}";
  }

  /** Returns the JSON of a list page holding keys with these ids. */
  static String page(boolean hasMore, String... ids) {
    String data = Arrays.stream(ids).map(RuntimeFixtures::key)
        .collect(Collectors.joining(", ", "[", "]"));
    String firstId = ids.length == 0 ? "null" : "\"" + ids[0] + "\"";
    String lastId = ids.length == 0 ? "null" : "\"" + ids[ids.length - 1] + "\"";
    return "{\"data\": " + data + ", \"has_more\": " + hasMore + ", \"first_id\": " + firstId
        + ", \"last_id\": " + lastId + "}";
  }

  /**
   * Stubs a request that gets these answers in turn, one per request; the last one repeats.
   *
   * @param request makes the request pattern (a new builder each time: builders are mutable)
   */
  static void stubInOrder(WireMockExtension server, Supplier<MappingBuilder> request,
      ResponseDefinitionBuilder... answers) {
    String scenario = "in-order-" + SEQUENCES.incrementAndGet();
    for (int i = 0; i < answers.length; i++) {
      ScenarioMappingBuilder mapping = request.get().inScenario(scenario)
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer-" + i)
          .willReturn(answers[i]);
      if (i + 1 < answers.length) {
        mapping.willSetStateTo("answer-" + (i + 1));
      }
      server.stubFor(mapping);
    }
  }

  /**
   * A {@link Sleeper} that records every wait it is asked for. It completes each wait at once,
   * or, when made with {@link #manual()}, hands the waits to the test to complete or cancel.
   */
  static final class RecordingSleeper implements Sleeper {
    private final boolean completeAtOnce;
    private final Consumer<Duration> onSleep;
    private final List<Duration> durations = new ArrayList<>();
    private final BlockingQueue<CompletableFuture<Void>> waits = new LinkedBlockingQueue<>();

    private RecordingSleeper(boolean completeAtOnce, Consumer<Duration> onSleep) {
      this.completeAtOnce = completeAtOnce;
      this.onSleep = onSleep;
    }

    /** Returns a sleeper whose waits are over as soon as they are asked for. */
    static RecordingSleeper immediate() {
      return new RecordingSleeper(true, duration -> { });
    }

    /** Returns a sleeper whose waits last until the test completes them. */
    static RecordingSleeper manual() {
      return manual(duration -> { });
    }

    /** Returns a manual sleeper that also runs {@code onSleep} when asked to wait. */
    static RecordingSleeper manual(Consumer<Duration> onSleep) {
      return new RecordingSleeper(false, onSleep);
    }

    @Override
    public CompletableFuture<Void> sleep(Duration duration) {
      synchronized (durations) {
        durations.add(duration);
      }
      onSleep.accept(duration);
      CompletableFuture<Void> wait = completeAtOnce
          ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
      waits.add(wait);
      return wait;
    }

    /** Returns the waits asked for so far, in order. */
    List<Duration> durations() {
      synchronized (durations) {
        return List.copyOf(durations);
      }
    }

    /** Returns the next wait asked for, waiting up to {@link #WAIT_SECONDS} for it. */
    CompletableFuture<Void> nextWait() throws InterruptedException {
      CompletableFuture<Void> wait = waits.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertNotNull(wait, "the sleeper was not asked to wait within " + WAIT_SECONDS + " s");
      return wait;
    }
  }

  /** A clock that stands still until a wait of its {@link #sleeper()} moves it on. */
  static final class FakeTime extends Clock {
    private volatile Instant now;

    FakeTime(Instant start) {
      this.now = start;
    }

    /** Returns a sleeper that moves this clock on by each wait and completes it at once. */
    RecordingSleeper sleeper() {
      return new RecordingSleeper(true, duration -> now = now.plus(duration));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("FakeTime is always UTC");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /**
   * A JDK client that records, at the moment it is called, each request the SDK starts, so that
   * a test can tell synchronously whether a page fetch was started. Sends with a real client.
   */
  static final class RecordingHttpClient extends HttpClient {
    private final HttpClient delegate = HttpClient.newHttpClient();
    private final List<String> started = new CopyOnWriteArrayList<>();

    /** Returns the path and query of every request started so far, in order. */
    List<String> startedUrls() {
      return List.copyOf(started);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
        HttpResponse.BodyHandler<T> handler) {
      record(request);
      return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
        HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
      record(request);
      return delegate.sendAsync(request, handler, push);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
        throws IOException, InterruptedException {
      record(request);
      return delegate.send(request, handler);
    }

    private void record(HttpRequest request) {
      URI uri = request.uri();
      started.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
      return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
      return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
      return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
      return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
      return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
      return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
      return delegate.authenticator();
    }

    @Override
    public Version version() {
      return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
      return delegate.executor();
    }
  }
}
