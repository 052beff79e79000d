/** Argument checks shared by the builders, with messages that name the field. */
@NullMarked
package dev.apikeys.sdk.internal.checks;

import org.jspecify.annotations.NullMarked;
