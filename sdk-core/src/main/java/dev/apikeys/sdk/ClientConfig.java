package dev.apikeys.sdk;

import dev.apikeys.sdk.internal.HttpTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The settled settings of one client, and the transport assembled from them. Immutable.
 *
 * @param baseUri the API's base URI, without a trailing slash
 * @param accountId the default {@code x-account-id}, or null
 * @param retryPolicy when to retry
 * @param timeout the default per-attempt timeout
 * @param callTimeout the default deadline of a whole call, or null
 * @param headers extra headers sent on every call
 * @param clock what deadlines are measured against
 * @param transport the assembled layers: logging, retry, HTTP
 */
record ClientConfig(
    URI baseUri,
    String accountId,
    RetryPolicy retryPolicy,
    Duration timeout,
    Duration callTimeout,
    Map<String, String> headers,
    Clock clock,
    HttpTransport transport) {
}
