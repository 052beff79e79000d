/**
 * The engine of the mock server: the in-memory store, request parsing and the WireMock
 * extensions. Not part of the public API; it may change in any release.
 */
@NullMarked
package dev.apikeys.testkit.internal;

import org.jspecify.annotations.NullMarked;
