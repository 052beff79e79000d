package dev.apikeys.sdk.internal.call;

import dev.apikeys.sdk.LogLevel;
import dev.apikeys.sdk.RawResponse;
import dev.apikeys.sdk.RequestOptions;
import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.interceptors.Interceptor;
import dev.apikeys.sdk.internal.ClientOptions;
import dev.apikeys.sdk.internal.SdkVersion;
import dev.apikeys.sdk.internal.auth.AuthenticatingTransport;
import dev.apikeys.sdk.internal.errors.ErrorMapping;
import dev.apikeys.sdk.internal.errors.Failures;
import dev.apikeys.sdk.internal.intercept.Interception;
import dev.apikeys.sdk.internal.json.JsonCodec;
import dev.apikeys.sdk.internal.logging.LoggingTransport;
import dev.apikeys.sdk.internal.proxy.ProxyTransport;
import dev.apikeys.sdk.internal.retry.RetryingTransport;
import dev.apikeys.sdk.internal.timer.SdkTimer;
import dev.apikeys.sdk.internal.transport.Driver;
import dev.apikeys.sdk.internal.transport.HttpCall;
import dev.apikeys.sdk.internal.transport.HttpResult;
import dev.apikeys.sdk.internal.transport.HttpTransport;
import dev.apikeys.sdk.internal.transport.LimitingTransport;
import dev.apikeys.sdk.internal.transport.ObservingTransport;
import dev.apikeys.sdk.internal.transport.RedirectingTransport;
import dev.apikeys.sdk.internal.transport.SentToken;
import dev.apikeys.sdk.internal.transport.WireTransport;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Runs one call, blocking or async, for one client: applies the client's and the call's
 * options, runs the interceptors' call hooks, sends it through the transport layers (assembled
 * here, once per client: retry, the token, attempt hooks, redirects, logging, the limit of
 * requests in flight, the proxy of the SDK's JDK client, the transport), maps an error status
 * to its exception and reads the answer. Each layer is written once; a blocking call runs it on
 * {@link Driver#BLOCKING}, an async one on its own {@link Driver#async()}. The generated
 * services are thin views of it.
 */
public final class CallEngine {

  /** The name of the {@link System.Logger} the SDK logs to. */
  public static final String LOGGER_NAME = "dev.apikeys.sdk";

  private final ClientOptions options;
  private final HttpTransport transport;
  private final String baseUrl;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Creates the engine of a client, assembling its transport layers.
   *
   * @param options the client's settled settings
   */
  public CallEngine(ClientOptions options) {
    this.options = options;
    this.baseUrl = options.baseUri().toString();
    this.transport = assemble(options);
    SdkTimer.shared().clientOpened();
  }

  private static HttpTransport assemble(ClientOptions options) {
    Map<String, String> fixed = new LinkedHashMap<>();
    fixed.put("Accept", "application/json");
    fixed.put("User-Agent", SdkVersion.USER_AGENT);
    SdkTimer timer = SdkTimer.shared();
    HttpTransport transport = new WireTransport(options.http().transport(), fixed);
    if (options.http().proxy() != null) {
      transport = new ProxyTransport(transport, options.http().proxy(),
          options.http().sdkSendsProxyCredentials());
    }
    transport = new LimitingTransport(transport, options.limiter(), timer);
    Logger logger = System.getLogger(LOGGER_NAME);
    LogLevel logLevel = options.logLevel();
    Level level = logLevel == LogLevel.OFF ? Level.DEBUG : Level.INFO;
    transport = new LoggingTransport(transport, logger, level, logLevel == LogLevel.DEBUG);
    transport = new RedirectingTransport(transport);
    transport = new ObservingTransport(transport);
    transport = new AuthenticatingTransport(transport, options.credentials(), options.clock());
    return new RetryingTransport(transport, options.retryPolicy(), options.sleeper(),
        options.clock());
  }

  /**
   * Runs the call on this thread; an interrupt abandons it and keeps the interrupt flag.
   *
   * @param call the call
   * @param <T> what it answers with
   * @return the answer with its HTTP details
   */
  public <T> RawResponse<T> await(Call<T> call) {
    requireOpen();
    Interception interception = intercept(call);
    RawResponse<T> response;
    try {
      HttpCall httpCall = toHttpCall(call, interception);
      response = respond(call, httpCall, send(httpCall));
    } catch (RuntimeException e) {
      if (interception != null) {
        interception.end(null, asFailure(e));
      }
      throw e;
    }
    if (interception != null) {
      interception.end(response, null);
    }
    return response;
  }

  /** Sends on the blocking driver, whose stage is already complete: no thread hop. */
  private HttpResult send(HttpCall httpCall) {
    try {
      return transport.send(httpCall, Driver.BLOCKING).join();
    } catch (CompletionException | CancellationException e) {
      Throwable cause = Futures.unwrap(e);
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new ApiKeysIoException(httpCall.describe()
            + " was interrupted; the call was abandoned", cause);
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw Failures.of(httpCall, cause);
    }
  }

  /**
   * Starts the call; cancelling the future cancels the attempt or wait under way. The future
   * fails with the SDK's own exception.
   *
   * @param call the call
   * @param <T> what it answers with
   * @return the answer with its HTTP details, to come
   */
  public <T> CompletableFuture<RawResponse<T>> async(Call<T> call) {
    requireOpen();
    Interception interception = intercept(call);
    HttpCall httpCall;
    try {
      httpCall = toHttpCall(call, interception);
    } catch (RuntimeException e) {
      if (interception != null) {
        interception.end(null, asFailure(e));
      }
      throw e;
    }
    Driver driver = Driver.async();
    CompletableFuture<RawResponse<T>> response = Futures.map(transport.send(httpCall, driver),
        result -> respond(call, httpCall, result),
        error -> Failures.of(httpCall, error), driver::cancel);
    if (interception == null) {
      return response;
    }
    CompletableFuture<RawResponse<T>> ended = new CompletableFuture<>();
    response.whenComplete((value, error) -> {
      ApiKeysException failure = error == null ? null : asFailure(Futures.unwrap(error));
      interception.end(value, failure);
      if (failure != null) {
        ended.completeExceptionally(Futures.unwrap(error));
      } else {
        ended.complete(value);
      }
    });
    Futures.cancelWith(ended, response);
    return ended;
  }

  private static ApiKeysException asFailure(Throwable error) {
    return error instanceof ApiKeysException ? (ApiKeysException) error
        : new ApiKeysException("the call was cancelled or failed: "
            + error.getClass().getName(), error);
  }

  /** Runs the interceptors' beforeCall, or returns null when the call has none. */
  private @Nullable Interception intercept(Call<?> call) {
    List<Interceptor> clientWide = options.interceptors();
    List<Interceptor> perCall = call.options().interceptors();
    if (clientWide.isEmpty() && perCall.isEmpty()) {
      return null;
    }
    List<Interceptor> all = new ArrayList<>(clientWide.size() + perCall.size());
    all.addAll(clientWide);
    all.addAll(perCall);
    Operation operation = call.operation();
    return Interception.begin(all, operation.operationId(), operation.method(),
        operation.pathTemplate(), call.path());
  }

  /** Refuses further calls; calls in flight finish. */
  public void close() {
    if (closed.compareAndSet(false, true)) {
      options.http().release();
      SdkTimer.shared().clientClosed();
    }
  }

  /**
   * Returns whether {@link #close()} was called.
   *
   * @return whether the engine is closed
   */
  public boolean isClosed() {
    return closed.get();
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("this ApiKeysClient is closed");
    }
  }

  private <T> RawResponse<T> respond(Call<T> call, HttpCall sent, HttpResult result) {
    if (!result.isSuccess()) {
      throw ErrorMapping.toException(result, sent.uri(), options.clock(),
          sent.sentToken().redactor());
    }
    return RawResponse.of(result.status(), result.headers(),
        ResponseReader.read(call, sent, result, sent.sentToken().redactor()));
  }

  /** Puts the headers, each replacing one of the same name in any case (sent once). */
  private static void override(Map<String, String> merged, Map<String, String> headers) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      merged.keySet().removeIf(name -> name.equalsIgnoreCase(header.getKey()));
      merged.put(header.getKey(), header.getValue());
    }
  }

  private HttpCall toHttpCall(Call<?> call, @Nullable Interception interception) {
    RequestOptions callOptions = call.options();
    Operation operation = call.operation();
    String accountId = callOptions.accountId().orElse(options.accountId());
    Map<String, String> headers;
    if (options.headers().isEmpty() && callOptions.headers().isEmpty() && accountId == null
        && !operation.idempotencyKey() && interception == null) {
      headers = Map.of();
    } else {
      Map<String, String> merged = new LinkedHashMap<>(options.headers());
      override(merged, callOptions.headers());
      if (interception != null) {
        override(merged, interception.callHeaders());
      }
      if (accountId != null) {
        merged.put("x-account-id", accountId);
      }
      if (operation.idempotencyKey()) {
        merged.put("Idempotency-Key",
            callOptions.idempotencyKey().orElseGet(() -> UUID.randomUUID().toString()));
      }
      headers = Collections.unmodifiableMap(merged);
    }
    byte[] body = call.body() == null ? null : JsonCodec.write(call.body());
    Duration callTimeout = callOptions.callTimeout().orElse(options.callTimeout());
    return new HttpCall(operation.operationId(), operation.method(),
        URI.create(baseUrl + call.path() + call.query()), operation.pathTemplate(),
        call.path(), headers, body, callOptions.timeout().orElse(options.timeout()),
        callOptions.maxRetries().orElse(options.retryPolicy().maxRetries()),
        callTimeout == null ? null : options.clock().instant().plus(callTimeout), 1,
        interception, new SentToken());
  }
}
