package dev.apikeys.sdk;

import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.errors.ApiKeysIoException;
import dev.apikeys.sdk.errors.InvalidResponseException;
import dev.apikeys.sdk.internal.Arguments;
import dev.apikeys.sdk.internal.ErrorMapping;
import dev.apikeys.sdk.internal.HttpCall;
import dev.apikeys.sdk.internal.HttpResult;
import dev.apikeys.sdk.internal.JsonCodec;
import dev.apikeys.sdk.internal.PercentEncoding;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ApiKeyList;
import dev.apikeys.sdk.models.ApiKeyWithSecret;
import dev.apikeys.sdk.models.CreateApiKeyParams;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.UpdateApiKeyParams;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The five operations of the API, asynchronous and raw; the blocking, async and raw services
 * are views of this one engine. Checks every argument before any request.
 */
final class ApiKeysOperations {

  private static final String COLLECTION = "/v1/api_key/";

  private final ClientConfig config;
  private final ClientState state;

  ApiKeysOperations(ClientConfig config, ClientState state) {
    this.config = config;
    this.state = state;
  }

  Exchange<ApiKeyPage> list(ListApiKeysParams params, RequestOptions options) {
    Objects.requireNonNull(params, "params must not be null");
    Request request = new Request("GET", COLLECTION, query(params), null, options);
    return new Exchange<>(request, Map.of(),
        result -> new ApiKeyPage(read(result, ApiKeyList.class, request, false), params,
            options, this));
  }

  Exchange<ApiKey> retrieve(String id, RequestOptions options) {
    Request request = new Request("GET", keyPath(id), "", null, options);
    return new Exchange<>(request, Map.of(),
        result -> read(result, ApiKey.class, request, false));
  }

  Exchange<ApiKeyWithSecret> create(CreateApiKeyParams params, RequestOptions options) {
    Objects.requireNonNull(params, "params must not be null");
    Request request = new Request("POST", COLLECTION, "", params, options);
    String idempotencyKey = options.idempotencyKey().orElseGet(() -> UUID.randomUUID().toString());
    return new Exchange<>(request, Map.of("Idempotency-Key", idempotencyKey),
        result -> read(result, ApiKeyWithSecret.class, request, true));
  }

  Exchange<ApiKey> update(String id, UpdateApiKeyParams params, RequestOptions options) {
    String path = keyPath(id);
    Objects.requireNonNull(params, "params must not be null");
    Request request = new Request("PATCH", path, "", params, options);
    return new Exchange<>(request, Map.of(),
        result -> read(result, ApiKey.class, request, false));
  }

  Exchange<Void> delete(String id, RequestOptions options) {
    Request request = new Request("DELETE", keyPath(id), "", null, options);
    return new Exchange<>(request, Map.of(), result -> null);
  }

  /**
   * One checked call, ready to run either way: {@link #await()} on the calling thread, or
   * {@link #async()} without blocking. Its arguments were checked when it was made.
   *
   * @param <T> the type of the parsed body
   */
  final class Exchange<T> {
    private final Request request;
    private final Map<String, String> callHeaders;
    private final Function<HttpResult, T> decode;

    private Exchange(Request request, Map<String, String> callHeaders,
        Function<HttpResult, T> decode) {
      this.request = request;
      this.callHeaders = callHeaders;
      this.decode = decode;
    }

    /** Runs the call on this thread; an interrupt abandons it and keeps the interrupt flag. */
    RawResponse<T> await() {
      state.requireOpen();
      HttpResult result;
      try {
        result = config.transport().execute(toCall(request, callHeaders));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiKeysIoException(request.method + " " + request.path
            + " was interrupted; the call was abandoned", e);
      } catch (IOException | RuntimeException e) {
        throw failure(request, e);
      }
      return toResponse(request, result, null, decode);
    }

    /** Starts the call; cancelling the future cancels the attempt or wait under way. */
    CompletableFuture<RawResponse<T>> async() {
      state.requireOpen();
      CompletableFuture<HttpResult> sent = config.transport().send(toCall(request, callHeaders));
      CompletableFuture<RawResponse<T>> response = new CompletableFuture<>();
      sent.whenComplete((result, error) -> {
        try {
          response.complete(toResponse(request, result, error, decode));
        } catch (RuntimeException e) {
          response.completeExceptionally(e);
        }
      });
      response.whenComplete((ignored, error) -> {
        if (response.isCancelled()) {
          sent.cancel(true);
        }
      });
      return response;
    }
  }

  private <T> RawResponse<T> toResponse(Request request, HttpResult result, Throwable error,
      Function<HttpResult, T> decode) {
    if (error != null) {
      throw failure(request, error);
    }
    if (!result.isSuccess()) {
      throw ErrorMapping.toException(result, config.clock());
    }
    return new RawResponse<>(result.status(), result.headers(), decode.apply(result));
  }

  private HttpCall toCall(Request request, Map<String, String> callHeaders) {
    RequestOptions options = request.options;
    Map<String, String> headers = new LinkedHashMap<>(config.headers());
    headers.putAll(options.headers());
    String accountId = options.accountId().orElse(config.accountId());
    if (accountId != null) {
      headers.put("x-account-id", accountId);
    }
    headers.putAll(callHeaders);
    byte[] body = request.body == null ? null : JsonCodec.write(request.body);
    var callTimeout = options.callTimeout().orElse(config.callTimeout());
    return new HttpCall(request.method,
        URI.create(config.baseUri() + request.path + request.query), headers, body,
        options.timeout().orElse(config.timeout()),
        options.maxRetries().orElse(config.retryPolicy().maxRetries()),
        callTimeout == null ? null : config.clock().instant().plus(callTimeout),
        request.path, 1);
  }

  private static <T> T read(HttpResult result, Class<T> type, Request request,
      boolean secretInBody) {
    try {
      return JsonCodec.read(result.body(), type);
    } catch (IOException | RuntimeException e) {
      // A parser's message may quote the body, which may hold a secret: keep it out.
      throw new InvalidResponseException("the " + result.status() + " response of "
          + request.method + " " + request.path + " is not a valid " + type.getSimpleName()
          + (result.body().length == 0 ? " (empty body)" : ""), result.status(),
          result.bodyText(), result.headers(), secretInBody ? null : e);
    }
  }

  private static ApiKeysException failure(Request request, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (cause instanceof ApiKeysException) {
      return (ApiKeysException) cause;
    }
    String call = request.method + " " + request.path;
    if (cause instanceof HttpTimeoutException) {
      return new ApiKeysIoException(call + " timed out: " + cause.getMessage(), cause);
    }
    if (cause instanceof IOException) {
      return new ApiKeysIoException(call + " failed: " + cause, cause);
    }
    // Not the cause's message: a JDK refusal can quote a header value, such as the token.
    return new ApiKeysException(call + " failed: " + cause.getClass().getName(), cause);
  }

  private static String keyPath(String id) {
    return COLLECTION + PercentEncoding.encode(Arguments.requireNonBlank(id, "id"));
  }

  private static String query(ListApiKeysParams params) {
    StringBuilder query = new StringBuilder();
    params.limit().ifPresent(limit -> append(query, "limit", Integer.toString(limit)));
    params.order().ifPresent(order -> append(query, "order", order.value()));
    params.after().ifPresent(after -> append(query, "after", after));
    params.before().ifPresent(before -> append(query, "before", before));
    return query.toString();
  }

  private static void append(StringBuilder query, String name, String value) {
    query.append(query.length() == 0 ? '?' : '&').append(name).append('=')
        .append(PercentEncoding.encode(value));
  }

  /** What one call sends, before the client's settings are applied. */
  private record Request(String method, String path, String query, Object body,
      RequestOptions options) {
    Request {
      Objects.requireNonNull(options, "options must not be null");
    }
  }
}
