/** Argument checks shared by the builders, with messages that name the field. */
package dev.apikeys.sdk.internal.checks;
