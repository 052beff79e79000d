/** The SDK's one configured Jackson mapper, and the masking of secrets in JSON bodies. */
package dev.apikeys.sdk.internal.json;
