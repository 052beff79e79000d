/**
 * Runs the interceptors of one call: its call hooks around the call, its attempt hooks (as the
 * call's observer) around each attempt.
 */
@NullMarked
package dev.apikeys.sdk.internal.intercept;

import org.jspecify.annotations.NullMarked;
