package dev.apikeys.sdk.internal.intercept;

import dev.apikeys.sdk.RawResponse;
import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysServiceException;
import dev.apikeys.sdk.errors.InvalidResponseException;
import dev.apikeys.sdk.interceptors.AttemptContext;
import dev.apikeys.sdk.interceptors.AttemptOutcome;
import dev.apikeys.sdk.interceptors.CallContext;
import dev.apikeys.sdk.interceptors.CallOutcome;
import dev.apikeys.sdk.interceptors.Interceptor;
import dev.apikeys.sdk.internal.checks.HeaderValues;
import dev.apikeys.sdk.internal.transport.CallObserver;
import dev.apikeys.sdk.internal.transport.HttpCall;
import dev.apikeys.sdk.internal.transport.HttpResult;
import dev.apikeys.sdk.internal.transport.ResponseHeaders;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One call under its interceptors: runs their call hooks around it and, as the call's
 * {@link CallObserver}, their attempt hooks around each attempt. Before hooks that throw stop
 * the call before anything more is sent; after hooks that throw never change its outcome.
 */
public final class Interception implements CallContext, CallObserver {

  private static final System.Logger LOGGER = System.getLogger("dev.apikeys.sdk");

  private final List<Interceptor> interceptors;
  private final String operationId;
  private final String method;
  private final String pathTemplate;
  private final String path;
  private final Map<String, Object> attributes = new HashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final long startNanos = System.nanoTime();
  private final AtomicInteger attempts = new AtomicInteger();
  private final List<RuntimeException> attemptHookFailures = new CopyOnWriteArrayList<>();
  private int begun;

  private Interception(List<Interceptor> interceptors, String operationId, String method,
      String pathTemplate, String path) {
    this.interceptors = interceptors;
    this.operationId = operationId;
    this.method = method;
    this.pathTemplate = pathTemplate;
    this.path = path;
  }

  /**
   * Runs every interceptor's {@code beforeCall}.
   *
   * @return the interception, to end when the call ends
   * @throws ApiKeysException naming the interceptor whose {@code beforeCall} threw; the ones
   *     before it got their {@code afterCall}
   */
  public static Interception begin(List<Interceptor> interceptors, String operationId,
      String method, String pathTemplate, String path) {
    Interception call = new Interception(interceptors, operationId, method, pathTemplate, path);
    for (Interceptor interceptor : interceptors) {
      try {
        interceptor.beforeCall(call);
      } catch (RuntimeException e) {
        ApiKeysException failure = refused(interceptor, "beforeCall", e);
        call.end(null, failure);
        throw failure;
      }
      call.begun++;
    }
    return call;
  }

  /**
   * Returns the headers the call hooks added, for every attempt.
   *
   * @return the headers, in the order they were added
   */
  public Map<String, String> callHeaders() {
    return Collections.unmodifiableMap(headers);
  }

  /**
   * Runs {@code afterCall} of every interceptor whose {@code beforeCall} ran, in reverse order.
   *
   * @param response the answer, or null when the call failed
   * @param failure what the call ends with, or null
   */
  public void end(@Nullable RawResponse<?> response, @Nullable ApiKeysException failure) {
    CallOutcome outcome = new CallOutcome(status(response, failure),
        Optional.ofNullable(failure), requestId(response, failure), attempts.get(),
        Duration.ofNanos(System.nanoTime() - startNanos));
    if (failure != null) {
      attemptHookFailures.forEach(failure::addSuppressed);
    }
    for (int i = begun - 1; i >= 0; i--) {
      Interceptor interceptor = interceptors.get(i);
      try {
        interceptor.afterCall(this, outcome);
      } catch (RuntimeException e) {
        report(interceptor, "afterCall", e);
        if (failure != null) {
          failure.addSuppressed(e);
        }
      }
    }
  }

  @Override
  public Attempt beginAttempt(HttpCall attempt) {
    AttemptRun run = new AttemptRun(attempt);
    attempts.incrementAndGet();
    for (Interceptor interceptor : interceptors) {
      try {
        interceptor.beforeAttempt(run);
      } catch (RuntimeException e) {
        ApiKeysException failure = refused(interceptor, "beforeAttempt", e);
        run.end(null, null);
        throw failure;
      }
      run.begun++;
    }
    run.toSend = attempt.withHeaders(run.headers);
    return run;
  }

  @Override
  public String operationId() {
    return operationId;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String pathTemplate() {
    return pathTemplate;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public Map<String, Object> attributes() {
    return attributes;
  }

  @Override
  public void addHeader(String name, String value) {
    headers.put(HeaderValues.requireExtraName(name), HeaderValues.requireValid(value,
        "header " + name));
  }

  @Override
  public String toString() {
    return "CallContext{" + operationId + " " + method + " " + path + '}';
  }

  private static OptionalInt status(@Nullable RawResponse<?> response,
      @Nullable ApiKeysException failure) {
    if (response != null) {
      return OptionalInt.of(response.statusCode());
    }
    if (failure instanceof ApiKeysServiceException) {
      return OptionalInt.of(((ApiKeysServiceException) failure).statusCode());
    }
    if (failure instanceof InvalidResponseException) {
      return OptionalInt.of(((InvalidResponseException) failure).statusCode());
    }
    return OptionalInt.empty();
  }

  private static Optional<String> requestId(@Nullable RawResponse<?> response,
      @Nullable ApiKeysException failure) {
    if (response != null) {
      return response.requestId();
    }
    if (failure instanceof ApiKeysServiceException) {
      return ((ApiKeysServiceException) failure).requestId();
    }
    if (failure instanceof InvalidResponseException) {
      return ResponseHeaders.first(((InvalidResponseException) failure).headers(),
          "x-request-id");
    }
    return Optional.empty();
  }

  private static ApiKeysException refused(Interceptor interceptor, String hook,
      RuntimeException e) {
    return new ApiKeysException("interceptor " + interceptor.getClass().getName() + " failed in "
        + hook + " (" + e.getClass().getName() + "); the call was stopped before sending", e);
  }

  private static void report(Interceptor interceptor, String hook, RuntimeException e) {
    LOGGER.log(Level.WARNING, () -> "interceptor " + interceptor.getClass().getName()
        + " failed in " + hook + " (" + e.getClass().getName() + "); the call's outcome stands");
  }

  /** One attempt under the interceptors. */
  private final class AttemptRun implements AttemptContext, Attempt {
    private final int number;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final long sentNanos = System.nanoTime();
    private HttpCall toSend;
    private int begun;

    /** Sends {@code attempt} until the hooks have run and added their headers. */
    AttemptRun(HttpCall attempt) {
      this.number = attempt.attempt();
      this.toSend = attempt;
    }

    @Override
    public CallContext call() {
      return Interception.this;
    }

    @Override
    public int number() {
      return number;
    }

    @Override
    public void addHeader(String name, String value) {
      headers.put(HeaderValues.requireExtraName(name), HeaderValues.requireValid(value,
          "header " + name));
    }

    @Override
    public HttpCall toSend() {
      return toSend;
    }

    @Override
    public void end(@Nullable HttpResult result, @Nullable Throwable failure) {
      AttemptOutcome outcome = new AttemptOutcome(
          result == null ? OptionalInt.empty() : OptionalInt.of(result.status()),
          failure instanceof IOException ? Optional.of((IOException) failure) : Optional.empty(),
          result == null ? Optional.empty() : result.header("x-request-id"),
          Duration.ofNanos(System.nanoTime() - sentNanos));
      for (int i = begun - 1; i >= 0; i--) {
        Interceptor interceptor = interceptors.get(i);
        try {
          interceptor.afterAttempt(this, outcome);
        } catch (RuntimeException e) {
          report(interceptor, "afterAttempt", e);
          attemptHookFailures.add(e);
        }
      }
    }
  }
}
