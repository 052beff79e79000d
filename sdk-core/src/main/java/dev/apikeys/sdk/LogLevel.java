package dev.apikeys.sdk;

import java.util.Locale;

/**
 * How much the client logs to the {@link System.Logger} named {@code dev.apikeys.sdk}.
 *
 * <p>Set with {@link ApiKeysClient.Builder#logLevel(LogLevel)} or, without code, with the
 * environment variable {@code APIKEYS_LOG=info|debug}. Lines are written at {@code INFO}, so they
 * show with the JDK's default logging setup. Headers are never logged, so neither is the token;
 * a key's secret is masked in bodies.
 */
public enum LogLevel {
  /** Nothing is logged at INFO; each attempt is still logged at DEBUG for logging backends. */
  OFF,
  /** One line an attempt: method, path, status, attempt number, elapsed time. */
  INFO,
  /** As {@link #INFO}, with request and response bodies, secrets masked. */
  DEBUG;

  /**
   * Reads a level from text such as the value of {@code APIKEYS_LOG}.
   *
   * @param text {@code info} or {@code debug}, in any case; anything else, or null, is OFF
   * @return the level
   */
  public static LogLevel parse(String text) {
    if (text == null) {
      return OFF;
    }
    switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "info":
        return INFO;
      case "debug":
        return DEBUG;
      default:
        return OFF;
    }
  }
}
