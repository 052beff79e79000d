/**
 * Micrometer Observations of the SDK's calls: register an {@link
 * dev.apikeys.sdk.micrometer.ObservationInterceptor} on the client to get one timer
 * ({@code apikeys.client.requests}) and, with micrometer-tracing, one client span per call,
 * with the trace context sent in the request headers.
 */
@NullMarked
package dev.apikeys.sdk.micrometer;

import org.jspecify.annotations.NullMarked;
