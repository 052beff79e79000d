/**
 * A stateful, in-process API Keys server on WireMock for tests, a JUnit 5 extension that runs
 * it, and a command-line entry point.
 *
 * <p>Start with {@link dev.apikeys.testkit.MockApiKeysServer} or, in JUnit 5 tests,
 * {@link dev.apikeys.testkit.MockApiKeysServerExtension}.
 */
@NullMarked
package dev.apikeys.testkit;

import org.jspecify.annotations.NullMarked;
