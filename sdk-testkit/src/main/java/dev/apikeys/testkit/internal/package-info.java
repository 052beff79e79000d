/**
 * The engine of the mock server: the in-memory store, request parsing and the WireMock
 * extensions. Not part of the public API; it may change in any release.
 */
package dev.apikeys.testkit.internal;
