/**
 * The API Keys Java SDK on Apache HttpClient 5: {@link dev.apikeys.transport.apache5.ApacheTransport},
 * a {@link dev.apikeys.sdk.transport.Transport} for {@code ApiKeysClient.Builder.transport(...)}.
 *
 * <pre>{@code
 * ApiKeysClient client = ApiKeysClient.builder()
 *     .token("sk-...")
 *     .transport(ApacheTransport.create())
 *     .build();
 * }</pre>
 */
@NullMarked
package dev.apikeys.transport.apache5;

import org.jspecify.annotations.NullMarked;
