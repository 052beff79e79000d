/**
 * Turns an error response or a transport failure into the SDK's exception: the one place where
 * statuses become types, and where the server's words are read from its body.
 */
@NullMarked
package dev.apikeys.sdk.internal.errors;

import org.jspecify.annotations.NullMarked;
