package dev.apikeys.sdk.internal;

import dev.apikeys.sdk.LogLevel;
import dev.apikeys.sdk.RetryPolicy;
import dev.apikeys.sdk.Sleeper;
import dev.apikeys.sdk.interceptors.Interceptor;
import dev.apikeys.sdk.internal.auth.Credentials;
import dev.apikeys.sdk.internal.transport.RequestLimiter;
import dev.apikeys.sdk.internal.transport.SharedTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The settled settings of one client: what its builder checked and filled in. Immutable; a
 * client's {@code toBuilder()} starts from it. {@link #toString()} never shows the token.
 *
 * @param baseUri the API's base URI, without a trailing slash, a path prefix kept
 * @param credentials where the bearer token comes from, shared with derived clients
 * @param accountId the default {@code x-account-id}, or null
 * @param retryPolicy when to retry and how long to wait
 * @param timeout the default per-attempt timeout
 * @param connectTimeout how long opening a connection may take
 * @param callTimeout the default deadline of a whole call, or null
 * @param headers extra headers sent on every call
 * @param logLevel how much is logged
 * @param sleeper how waits between retries are made
 * @param clock what deadlines are measured against
 * @param http the transport, shared with derived clients
 * @param limiter the bound on requests in flight, shared with derived clients
 * @param interceptors the client's interceptors, in order
 */
public record ClientOptions(
    URI baseUri,
    Credentials credentials,
    @Nullable String accountId,
    RetryPolicy retryPolicy,
    Duration timeout,
    Duration connectTimeout,
    @Nullable Duration callTimeout,
    Map<String, String> headers,
    LogLevel logLevel,
    Sleeper sleeper,
    Clock clock,
    SharedTransport http,
    RequestLimiter limiter,
    List<Interceptor> interceptors) {

  /** Copies the headers and interceptors, so that the options cannot change. */
  public ClientOptions {
    headers = Map.copyOf(headers);
    interceptors = List.copyOf(interceptors);
  }

  /** Shows the settings; never the token. */
  @Override
  public String toString() {
    return "ClientOptions{baseUri=" + baseUri + ", accountId=" + accountId + ", credentials="
        + credentials + ", retryPolicy=" + retryPolicy + ", timeout=" + timeout + ", callTimeout="
        + callTimeout + ", maxConcurrentRequests=" + limiter.maxInFlight() + ", interceptors="
        + interceptors.size() + '}';
  }
}
