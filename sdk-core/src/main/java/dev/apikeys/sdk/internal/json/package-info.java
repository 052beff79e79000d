/** The SDK's one configured Jackson mapper, and the masking of secrets in JSON bodies. */
@NullMarked
package dev.apikeys.sdk.internal.json;

import org.jspecify.annotations.NullMarked;
