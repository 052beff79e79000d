package dev.apikeys.sdk.internal.call;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes a path segment or a query value: everything but letters, digits, '-', '_'
 * and '~' is encoded, '/' and '.' included, so that an id is always exactly one segment
 */
public final class PercentEncoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {
  }

  /**
   * Returns the encoded segment.
   *
   * @param value the raw value
   * @return the value with every byte outside the unreserved set percent-encoded
   */
  public static String encode(String value) {
    if (isUnreserved(value)) {
      return value;
    }
    StringBuilder encoded = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return encoded.toString();
  }

  private static boolean isUnreserved(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!isUnreserved(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_' || c == '~';
  }
}
