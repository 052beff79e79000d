/**
 * Authentication: where a client's token comes from ({@link
 * dev.apikeys.sdk.internal.auth.Credentials}) and the layer that puts it on every attempt and
 * renews it after a 401 ({@link dev.apikeys.sdk.internal.auth.AuthenticatingTransport}).
 */
@NullMarked
package dev.apikeys.sdk.internal.auth;

import org.jspecify.annotations.NullMarked;
