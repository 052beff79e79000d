/**
 * The SDK's extension point: {@link dev.apikeys.sdk.interceptors.Interceptor}s see every call
 * and attempt a client makes (operation, path, status, timing, exception), never a token or a
 * body, and can add headers. Metrics and traces (apikeys-sdk-micrometer) are built on it.
 */
@NullMarked
package dev.apikeys.sdk.interceptors;

import org.jspecify.annotations.NullMarked;
