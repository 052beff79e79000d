package dev.apikeys.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, read from a resource the build fills in. */
public final class SdkVersion {

  /** The SDK's version, such as {@code 0.1.0}. */
  public static final String VERSION = read();
  /** The {@code User-Agent} every request carries. */
  public static final String USER_AGENT = "apikeys-java/" + VERSION + " Java/"
      + Runtime.version().feature();

  private SdkVersion() {
  }

  private static String read() {
    try (InputStream in = SdkVersion.class.getResourceAsStream("sdk-version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
