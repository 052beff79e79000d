/** The retry layer: which failures to retry, how long to wait, {@code Retry-After}. */
package dev.apikeys.sdk.internal.retry;
