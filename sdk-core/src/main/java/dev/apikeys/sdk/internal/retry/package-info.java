/** The retry layer: which failures to retry, how long to wait, {@code Retry-After}. */
@NullMarked
package dev.apikeys.sdk.internal.retry;

import org.jspecify.annotations.NullMarked;
