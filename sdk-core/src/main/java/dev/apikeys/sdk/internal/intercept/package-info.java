/**
 * Runs the interceptors of one call: its call hooks around the call, its attempt hooks (as the
 * call's observer) around each attempt.
 */
package dev.apikeys.sdk.internal.intercept;
