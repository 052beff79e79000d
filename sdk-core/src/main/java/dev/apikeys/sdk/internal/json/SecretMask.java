package dev.apikeys.sdk.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Masks the secrets that a body may hold, so that it can be logged or kept in an exception.
 * JSON is read token by token, so a field name written with escapes is masked too, and so is a
 * body cut off in the middle: what comes before the cut is kept, masked; the rest is dropped.
 * Text that is not JSON at all is masked by pattern.
 */
public final class SecretMask {

  /** What stands in place of a secret. */
  public static final String MASK = "****";

  private static final Set<String> SECRET_FIELDS = Set.of("key", "token", "secret", "password",
      "api_key", "apikey", "access_token", "refresh_token", "authorization", "proxy-authorization",
      "client_secret");

  /** A secret field in text that is not JSON: {@code "name": "value"}, any of the names. */
  private static final Pattern SECRET_FIELD = Pattern.compile("(?i)(\"(?:"
      + String.join("|", SECRET_FIELDS.stream().map(Pattern::quote).sorted().toList())
      + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"?");

  private static final String CUT = " ...(cut: not valid JSON after this point)";

  private SecretMask() {
  }

  /**
   * Returns whether a field of this name holds a secret.
   *
   * @param name a JSON field name
   * @return whether its value must be masked
   */
  public static boolean isSecretField(String name) {
    return SECRET_FIELDS.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * Returns the text with the value of every secret field ({@code key}, {@code token},
   * {@code secret}, ...) replaced by {@value #MASK}, at any depth; the text itself when it holds
   * no such field.
   *
   * @param text a JSON text, possibly cut off, or any text
   * @return the masked text
   */
  public static String mask(String text) {
    String trimmed = text.stripLeading();
    if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
      return SECRET_FIELD.matcher(text).replaceAll("$1\"" + MASK + "\"");
    }
    JsonFactory factory = JsonCodec.mapper().getFactory();
    StringWriter out = new StringWriter(text.length());
    try (JsonParser parser = factory.createParser(text);
        JsonGenerator generator = factory.createGenerator(out)) {
      boolean masked;
      try {
        masked = copyMasked(parser, generator);
      } catch (IOException cut) {
        generator.flush();
        return out + CUT;
      }
      generator.flush();
      return masked ? out.toString() : text;
    } catch (IOException e) {
      return out + CUT;
    }
  }

  /** Copies every token, masking secret values; returns whether it masked any. */
  private static boolean copyMasked(JsonParser parser, JsonGenerator generator)
      throws IOException {
    boolean masked = false;
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      if (token == JsonToken.FIELD_NAME && isSecretField(parser.currentName())) {
        generator.writeFieldName(parser.currentName());
        if (parser.nextToken() == null) {
          throw new IOException("cut after a field name");
        }
        parser.skipChildren();
        generator.writeString(MASK);
        masked = true;
      } else {
        generator.copyCurrentEvent(parser);
      }
    }
    return masked;
  }
}
