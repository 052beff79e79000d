/**
 * The SDK's one unchecked exception hierarchy, rooted at
 * {@link dev.apikeys.sdk.errors.ApiKeysException}: error statuses (one class a status, mapped in
 * one place), network failures and timeouts, unreadable answers and odd fields.
 */
@NullMarked
package dev.apikeys.sdk.errors;

import org.jspecify.annotations.NullMarked;
