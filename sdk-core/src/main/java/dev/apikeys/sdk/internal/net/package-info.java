/**
 * What a transport's exceptions say about the network, read the same for every transport;
 * depends on the JDK only, so that the retry, error and transport layers can all use it.
 */
@NullMarked
package dev.apikeys.sdk.internal.net;

import org.jspecify.annotations.NullMarked;
