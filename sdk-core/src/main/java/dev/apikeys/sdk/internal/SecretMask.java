package dev.apikeys.sdk.internal;

import java.util.regex.Pattern;

/** Masks the secrets that a JSON body may hold, so that a body can be logged. */
public final class SecretMask {

  /** What stands in place of a secret. */
  public static final String MASK = "****";

  private static final Pattern SECRET_FIELD =
      Pattern.compile("(\"(?:key|token|secret)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

  private SecretMask() {
  }

  /**
   * Returns the text with the value of every {@code key}, {@code token} and {@code secret}
   * JSON field replaced by {@value #MASK}.
   *
   * @param json a JSON text, or any text
   * @return the masked text
   */
  public static String mask(String json) {
    return SECRET_FIELD.matcher(json).replaceAll("$1\"" + MASK + "\"");
  }
}
