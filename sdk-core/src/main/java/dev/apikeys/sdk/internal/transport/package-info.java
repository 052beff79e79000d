/**
 * The transport layers below retry: interceptors' attempt hooks, same-origin redirects,
 * logging (in its own package), the bound on requests in flight and the JDK client, with gzip
 * decoding and a body deadline.
 */
package dev.apikeys.sdk.internal.transport;
