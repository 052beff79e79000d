/**
 * Authentication: where a client's token comes from ({@link
 * dev.apikeys.sdk.internal.auth.Credentials}) and the layer that puts it on every attempt and
 * renews it after a 401 ({@link dev.apikeys.sdk.internal.auth.AuthenticatingTransport}).
 */
package dev.apikeys.sdk.internal.auth;
