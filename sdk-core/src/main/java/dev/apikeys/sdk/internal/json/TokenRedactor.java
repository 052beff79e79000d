package dev.apikeys.sdk.internal.json;

import dev.apikeys.sdk.errors.ErrorDetail;
import java.util.ArrayList;
import java.util.List;

/**
 * Masks a client's own token wherever a server echoes it back (in an error message, an error
 * body, a body that is logged), so that it never reaches an exception or a log line.
 */
public final class TokenRedactor {

  private final String token;

  /**
   * Creates the redactor of one token.
   *
   * @param token the bearer token, not blank
   */
  public TokenRedactor(String token) {
    this.token = token;
  }

  /**
   * Returns the text with every occurrence of the token replaced by {@value SecretMask#MASK}.
   *
   * @param text any text, or null
   * @return the text without the token
   */
  public String redact(String text) {
    return text == null || !text.contains(token) ? text : text.replace(token, SecretMask.MASK);
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
