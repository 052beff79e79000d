/**
 * Runs one call: the generated services build a checked {@code Call} and hand it to the
 * client's {@code CallEngine}, blocking or async; {@code Futures} is the one helper for futures.
 */
package dev.apikeys.sdk.internal.call;
