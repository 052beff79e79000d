package dev.apikeys.sdk.internal.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Undoes a response's {@code Content-Encoding}. The SDK asks for {@code gzip} (the JDK's client
 * does not decode anything by itself); {@code identity} and no header leave the body as it is.
 */
final class ContentDecoding {

  /** What the SDK asks for in {@code Accept-Encoding}. */
  static final String ACCEPTED = "gzip";

  private ContentDecoding() {
  }

  /**
   * Returns the decoded body.
   *
   * @param encoding the {@code Content-Encoding} header, or null
   * @param body the body as received
   * @return the decoded body
   * @throws UndecodableBodyException when the encoding is unknown or the body is corrupt
   */
  static byte[] decode(@Nullable String encoding, byte[] body) throws UndecodableBodyException {
    if (encoding == null || body.length == 0) {
      return body;
    }
    String name = encoding.trim().toLowerCase(Locale.ROOT);
    switch (name) {
      case "", "identity":
        return body;
      case "gzip", "x-gzip":
        return gunzip(body, name);
      default:
        throw new UndecodableBodyException("the body has Content-Encoding '" + encoding.trim()
            + "', which the SDK cannot decode (it asks for " + ACCEPTED + " only)");
    }
  }

  private static byte[] gunzip(byte[] body, String name) throws UndecodableBodyException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UndecodableBodyException("the body has Content-Encoding '" + name
          + "' but is not valid " + name + " data: " + e.getClass().getSimpleName());
    }
  }

  /** A body that cannot be decoded; its message names the encoding. */
  static final class UndecodableBodyException extends Exception {
    private static final long serialVersionUID = 1L;

    UndecodableBodyException(String message) {
      super(message, null, false, false);
    }
  }
}
