package dev.apikeys.sdk.internal.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.cfg.PackageVersion;

/**
 * Refuses a jackson-databind older than the oldest the SDK supports, with a message that names
 * both versions, instead of a {@code NoSuchMethodError} deep inside a later call.
 */
public final class JacksonVersionCheck {

  /** The oldest supported jackson-databind; scripts/consumer-check.sh runs the SDK on it. */
  public static final Version OLDEST_SUPPORTED =
      new Version(2, 15, 0, null, "com.fasterxml.jackson.core", "jackson-databind");

  private JacksonVersionCheck() {
  }

  /**
   * Checks the jackson-databind on the class path.
   *
   * @throws IllegalStateException when it is older than {@link #OLDEST_SUPPORTED}
   */
  public static void requireSupported() {
    require(PackageVersion.VERSION);
  }

  /**
   * Checks a jackson-databind version.
   *
   * @param found the version on the class path
   * @throws IllegalStateException when it is older than {@link #OLDEST_SUPPORTED}
   */
  static void require(Version found) {
    if (olderThanOldestSupported(found)) {
      throw new IllegalStateException("apikeys-sdk-core needs jackson-databind "
          + OLDEST_SUPPORTED + " or newer; found " + found + " on the class path");
    }
  }

  private static boolean olderThanOldestSupported(Version found) {
    if (found.getMajorVersion() != OLDEST_SUPPORTED.getMajorVersion()) {
      return found.getMajorVersion() < OLDEST_SUPPORTED.getMajorVersion();
    }
    if (found.getMinorVersion() != OLDEST_SUPPORTED.getMinorVersion()) {
      return found.getMinorVersion() < OLDEST_SUPPORTED.getMinorVersion();
    }
    return found.getPatchLevel() < OLDEST_SUPPORTED.getPatchLevel();
  }
}
