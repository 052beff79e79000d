/**
 * The transport SPI: the small interface under the SDK that moves one request's bytes and
 * brings back the response's. The JDK's {@code java.net.http.HttpClient} is the default
 * transport; {@code apikeys-transport-apache5} offers Apache HttpClient 5, and the testkit a
 * transport that answers from a queue.
 *
 * <p>A transport only moves bytes. Everything else stays in the SDK, above it: retries,
 * redirects, the {@code Authorization} header and the other headers, asking for gzip
 * ({@code Accept-Encoding}) and decoding it, logging, interceptors and the bound on requests in
 * flight. A transport must therefore not retry, follow redirects, keep cookies or decode
 * content itself.
 *
 * <pre>{@code
 * ApiKeysClient client = ApiKeysClient.builder()
 *     .token("sk-...")
 *     .transport(myTransport)   // closed by the SDK when the last client using it closes
 *     .build();
 * }</pre>
 */
@NullMarked
package dev.apikeys.sdk.transport;

import org.jspecify.annotations.NullMarked;
