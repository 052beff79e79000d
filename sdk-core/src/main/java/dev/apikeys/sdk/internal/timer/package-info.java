/**
 * The SDK's one timer thread, for body deadlines and waits between retries; it runs only while
 * something is pending.
 */
@NullMarked
package dev.apikeys.sdk.internal.timer;

import org.jspecify.annotations.NullMarked;
