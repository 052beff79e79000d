package dev.apikeys.sdk.internal.json;

import dev.apikeys.sdk.errors.ErrorDetail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Masks a client's own token wherever a server echoes it back (in an error message, an error
 * body, a body that is logged), so that it never reaches an exception or a log line.
 *
 * <p>A server may echo it inside a JSON string, escaped the way its encoder escapes: PHP's
 * {@code json_encode} writes {@code /} as {@code \/}, .NET's {@code System.Text.Json} writes
 * {@code +} as <code>&#92;u002B</code>, any encoder escapes {@code "} and a backslash. A raw body
 * keeps those escapes, so each character of the token other than a letter or digit is matched
 * as itself, after a backslash, or as a <code>&#92;u</code> escape in either case.
 */
public final class TokenRedactor {

  private final String token;
  private final String plainRun;
  private final @Nullable Pattern escapedForms;

  /**
   * Creates the redactor of one token.
   *
   * @param token the bearer token, not blank
   */
  public TokenRedactor(String token) {
    this.token = token;
    this.plainRun = longestPlainRun(token);
    this.escapedForms = plainRun.length() == token.length() ? null : escapedForms(token);
  }

  /**
   * Returns the text with every occurrence of the token, plain or JSON-escaped, replaced by
   * {@value SecretMask#MASK}.
   *
   * @param text any text, or null
   * @return the text without the token, or null for null
   */
  public @Nullable String redactOrNull(@Nullable String text) {
    return text == null ? null : redact(text);
  }

  /**
   * Returns the text with every occurrence of the token, plain or JSON-escaped, replaced by
   * {@value SecretMask#MASK}.
   *
   * @param text any text
   * @return the text without the token
   */
  public String redact(String text) {
    String plain = text.contains(token) ? text.replace(token, SecretMask.MASK) : text;
    Pattern escaped = escapedForms;
    if (escaped == null || !plain.contains(plainRun)) {
      return plain;
    }
    return escaped.matcher(plain).replaceAll(SecretMask.MASK);
  }

  /** The token's longest run of letters and digits: any escaped form of it holds that run. */
  private static String longestPlainRun(String token) {
    int bestFrom = 0;
    int bestLength = 0;
    int from = 0;
    for (int i = 0; i <= token.length(); i++) {
      if (i == token.length() || !Character.isLetterOrDigit(token.charAt(i))) {
        if (i - from > bestLength) {
          bestFrom = from;
          bestLength = i - from;
        }
        from = i + 1;
      }
    }
    return token.substring(bestFrom, bestFrom + bestLength);
  }

  private static Pattern escapedForms(String token) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        regex.append(c);
      } else {
        String literal = Pattern.quote(String.valueOf(c));
        regex.append("(?:\\\\?").append(literal).append("|\\\\u(?i:")
            .append(String.format(Locale.ROOT, "%04x", (int) c)).append("))");
      }
    }
    return Pattern.compile(regex.toString());
  }

  /**
   * Returns the validation items with the token masked in their messages and locations.
   *
   * @param details the items
   * @return the items without the token
   */
  public List<ErrorDetail> redact(List<ErrorDetail> details) {
    List<ErrorDetail> redacted = new ArrayList<>(details.size());
    for (ErrorDetail detail : details) {
      List<String> location = new ArrayList<>();
      detail.location().forEach(part -> location.add(redact(part)));
      redacted.add(new ErrorDetail(location, redact(detail.message()), redact(detail.type())));
    }
    return redacted;
  }

  /** Shows nothing of the token. */
  @Override
  public String toString() {
    return "TokenRedactor{" + SecretMask.MASK + '}';
  }
}
