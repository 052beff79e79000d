/**
 * The proxy layer of a client the SDK's JDK client sends through a proxy: the
 * {@code Proxy-Authorization} of plain {@code http://} requests, and what the proxy's refusals
 * and absence become.
 */
@NullMarked
package dev.apikeys.sdk.internal.proxy;

import org.jspecify.annotations.NullMarked;
