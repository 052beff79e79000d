/**
 * The API's models, generated at build time from its OpenAPI document: immutable, with builders,
 * read tolerantly from JSON (odd fields fail only when read; {@code validate()} checks all) and
 * written back with the fields this SDK does not know. Hand-written beside them: the
 * {@link dev.apikeys.sdk.models.Permission} enum and the list query parameters.
 */
@NullMarked
package dev.apikeys.sdk.models;

import org.jspecify.annotations.NullMarked;
