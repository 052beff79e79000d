package dev.apikeys.sdk.internal.transport;

import dev.apikeys.sdk.internal.json.TokenRedactor;
import org.jspecify.annotations.Nullable;

/**
 * The token that a call's latest attempt was sent with, as the redactor that masks it: set by
 * the authentication layer before each attempt, read wherever a server's answer to that attempt
 * is logged or kept in an exception. One per call, carried by its {@link HttpCall}; attempts of
 * a call run one after another, so the latest is the one whose answer is being read.
 */
public final class SentToken {

  private volatile @Nullable TokenRedactor redactor;

  /** Creates the holder of a call that has sent nothing yet. */
  public SentToken() {
  }

  /**
   * Records the token of the attempt about to be sent.
   *
   * @param redactor masks that token
   */
  public void set(TokenRedactor redactor) {
    this.redactor = redactor;
  }

  /**
   * Returns what masks the token of the latest attempt.
   *
   * @return the redactor
   * @throws IllegalStateException if no attempt was sent
   */
  public TokenRedactor redactor() {
    TokenRedactor current = redactor;
    if (current == null) {
      throw new IllegalStateException("no attempt of this call was sent with a token");
    }
    return current;
  }

  /** Shows nothing of the token. */
  @Override
  public String toString() {
    return "SentToken{****}";
  }
}
