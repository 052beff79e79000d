/** The logging layer: one line an attempt, bodies with secrets masked, never a header. */
package dev.apikeys.sdk.internal.logging;
