/**
 * Runs one call: the generated services build a checked {@code Call} and hand it to the
 * client's {@code CallEngine}, blocking or async; {@code Futures} is the one helper for futures.
 */
@NullMarked
package dev.apikeys.sdk.internal.call;

import org.jspecify.annotations.NullMarked;
