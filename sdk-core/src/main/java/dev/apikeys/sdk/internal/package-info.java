/**
 * The engine behind the public API; not exported, not part of the API. Its packages follow its
 * layers: {@code call} runs one call, {@code intercept} runs the interceptors, {@code retry},
 * {@code transport} (redirects, request slots, the JDK client), {@code logging}, {@code errors}
 * (statuses to exceptions), {@code net} (what a network failure means), {@code json},
 * {@code paging}, {@code timer} and {@code checks}.
 */
@NullMarked
package dev.apikeys.sdk.internal;

import org.jspecify.annotations.NullMarked;
