package dev.apikeys.sdk;

/**
 * Gives the bearer token for each attempt, for credentials that change while a client lives: a
 * rotated key, a secret store, a token minted per request. Set it with
 * {@link ApiKeysClient.Builder#tokenProvider(TokenProvider)}, in place of a fixed
 * {@link ApiKeysClient.Builder#token(String)}.
 *
 * <p>The client asks for the token before every attempt, retries included. When the server
 * answers 401, it calls {@link #invalidate(String)} with the rejected token, asks again and, if
 * the token changed, repeats the request once with the new one; that repeat is not counted as a
 * retry. Concurrent calls that meet a 401 for the same token share one refresh: only one
 * {@code invalidate} of that token runs, and the others send the token it led to.
 *
 * <p>Implementations must be thread-safe and should answer quickly (cache the token; read the
 * store in {@code invalidate}): they run on the thread that makes the attempt, which for the
 * async API is the thread that completed the one before. A {@code token()} or
 * {@code invalidate} that throws, or a {@code token()} that returns null, a blank token or one
 * with a CR, LF or other control character, ends the call with an
 * {@link dev.apikeys.sdk.errors.ApiKeysException} naming this provider's class; it is not
 * retried. The SDK never logs or shows the token, and masks it wherever a server echoes it.
 *
 * <pre>{@code
 * ApiKeysClient client = ApiKeysClient.builder()
 *     .tokenProvider(() -> vault.read("apikeys/token"))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface TokenProvider {

  /**
   * Returns the token to send on the next attempt, without the {@code Bearer } prefix.
   *
   * @return the token: not null or blank, no CR, LF or other control character
   */
  String token();

  /**
   * Tells the provider that the server answered 401 to this token, so that the next
   * {@link #token()} gives a fresh one (reads the store again, drops a cache). The default does
   * nothing: the next {@code token()} is asked as it is, and when it gives the same token the
   * 401 ends the call.
   *
   * @param rejectedToken the token the server rejected
   */
  default void invalidate(String rejectedToken) {
  }
}
