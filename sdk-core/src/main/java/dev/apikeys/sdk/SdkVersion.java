package dev.apikeys.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, read from a resource the build fills in. */
final class SdkVersion {

  static final String VERSION = read();
  static final String USER_AGENT = "apikeys-java/" + VERSION + " Java/"
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
