/** The logging layer: one line an attempt, bodies with secrets masked, never a header. */
@NullMarked
package dev.apikeys.sdk.internal.logging;

import org.jspecify.annotations.NullMarked;
