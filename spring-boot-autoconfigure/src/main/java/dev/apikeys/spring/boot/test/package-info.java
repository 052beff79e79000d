/**
 * Test support: {@link dev.apikeys.spring.boot.test.AutoConfigureMockApiKeysServer} points the
 * auto-configured client of a {@code @SpringBootTest} at an in-process testkit server.
 */
@NullMarked
package dev.apikeys.spring.boot.test;

import org.jspecify.annotations.NullMarked;
