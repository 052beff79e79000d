/**
 * The transport layers below retry: interceptors' attempt hooks, same-origin redirects,
 * logging (in its own package), the bound on requests in flight and, at the bottom, the layer
 * that hands each attempt to the client's {@link dev.apikeys.sdk.transport.Transport} and
 * decodes gzip; the JDK's transport, with a body deadline, is one such transport.
 */
@NullMarked
package dev.apikeys.sdk.internal.transport;

import org.jspecify.annotations.NullMarked;
