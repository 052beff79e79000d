package dev.apikeys.sdk.internal.auth;

import dev.apikeys.sdk.TokenProvider;
import dev.apikeys.sdk.errors.ApiKeysException;
import dev.apikeys.sdk.internal.checks.HeaderValues;
import dev.apikeys.sdk.internal.json.TokenRedactor;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Where a client's bearer token comes from: a fixed token or a {@link TokenProvider}. Shared by
 * the clients derived from one another, so that they share the refresh after a 401 too.
 * Thread-safe; {@link #toString()} never shows a token.
 */
public final class Credentials {

  private final @Nullable TokenProvider provider;
  private final @Nullable String fixed;
  private volatile @Nullable Issued recent;
  private @Nullable Renewal renewal;

  /** Exactly one of {@code provider} and {@code fixed} is set. */
  private Credentials(@Nullable TokenProvider provider, @Nullable String fixed) {
    this.provider = provider;
    this.fixed = fixed;
    this.recent = fixed == null ? null : new Issued(fixed, new TokenRedactor(fixed));
  }

  /**
   * Returns credentials of a fixed token.
   *
   * @param token the token, already checked
   * @return the credentials
   */
  public static Credentials fixed(String token) {
    return new Credentials(null, Objects.requireNonNull(token, "token"));
  }

  /**
   * Returns credentials that ask a provider for each attempt.
   *
   * @param provider the provider
   * @return the credentials
   */
  public static Credentials provided(TokenProvider provider) {
    return new Credentials(Objects.requireNonNull(provider, "tokenProvider"), null);
  }

  /**
   * Returns whether these are the credentials of a fixed token.
   *
   * @return true for a fixed token, false for a provider
   */
  public boolean isFixed() {
    return provider == null;
  }

  /**
   * Returns the class name of the provider, for messages and {@code toString()}.
   *
   * @return the provider's class name, or null for a fixed token
   */
  public @Nullable String providerName() {
    return provider == null ? null : provider.getClass().getName();
  }

  /**
   * Returns the token for the next attempt.
   *
   * @return the token, not blank and fit for a header
   * @throws ApiKeysException naming the provider when it threw or gave no usable token
   */
  public String token() {
    String token = fixed;
    return token != null ? token : ask("; the request was not sent");
  }

  /**
   * Returns the token to repeat a request with after the server rejected one with 401: the
   * provider's next token after {@link TokenProvider#invalidate(String)}. Concurrent renewals of
   * the same rejected token share one: the first caller runs it on its thread, the others get
   * its future. A renewal that gave another token is kept, so that a later 401 for the rejected
   * token uses that one without asking the provider again.
   *
   * @param rejected the token the server answered 401 to
   * @return the token to repeat with; the rejected one itself for a fixed token or when the
   *     provider gave it again. Fails with an {@link ApiKeysException} naming the provider when
   *     it threw or gave no usable token
   */
  public CompletableFuture<String> renew(String rejected) {
    if (provider == null) {
      return CompletableFuture.completedFuture(rejected);
    }
    Renewal mine;
    synchronized (this) {
      if (renewal != null && renewal.rejected.equals(rejected)) {
        return renewal.next;
      }
      mine = new Renewal(rejected);
      renewal = mine;
    }
    String next;
    try {
      invalidate(rejected);
      next = ask(" after a 401; the request was not repeated");
    } catch (RuntimeException | Error e) {
      forget(mine);
      mine.next.completeExceptionally(e);
      if (e instanceof Error) {
        throw e;
      }
      return mine.next;
    }
    if (next.equals(rejected)) {
      // Unchanged: a later 401 must reach the provider again, its store may have rotated since.
      forget(mine);
    }
    mine.next.complete(next);
    return mine.next;
  }

  /**
   * Returns the redactor of a token this object gave, made once per distinct token in a row.
   *
   * @param token the token an attempt is sent with
   * @return what masks it
   */
  public TokenRedactor redactorOf(String token) {
    Issued last = recent;
    if (last != null && last.token.equals(token)) {
      return last.redactor;
    }
    Issued issued = new Issued(token, new TokenRedactor(token));
    recent = issued;
    return issued.redactor;
  }

  private synchronized void forget(Renewal done) {
    if (renewal == done) {
      renewal = null;
    }
  }

  private void invalidate(String rejected) {
    try {
      provider().invalidate(rejected);
    } catch (RuntimeException e) {
      throw failure("threw " + e.getClass().getName() + " in invalidate(String) after a 401"
          + "; the request was not repeated", e);
    }
  }

  private String ask(String consequence) {
    String token;
    try {
      token = provider().token();
    } catch (RuntimeException e) {
      throw failure("threw " + e.getClass().getName() + " in token()" + consequence, e);
    }
    if (token == null) {
      throw failure("returned null from token()" + consequence, null);
    }
    if (token.isBlank()) {
      throw failure("returned a blank token from token()" + consequence, null);
    }
    try {
      HeaderValues.requireValid(token, "the token");
    } catch (IllegalArgumentException e) {
      throw failure("returned a token unfit for a header from token() (" + e.getMessage() + ")"
          + consequence, null);
    }
    return token;
  }

  private TokenProvider provider() {
    return Objects.requireNonNull(provider, "credentials of a fixed token have no provider");
  }

  private ApiKeysException failure(String what, @Nullable RuntimeException cause) {
    return new ApiKeysException("token provider " + providerName() + " " + what, cause);
  }

  /** Names the kind of credentials; never a token. */
  @Override
  public String toString() {
    return provider == null ? "Credentials{token=****}"
        : "Credentials{tokenProvider=" + providerName() + '}';
  }

  /** A token given out, with its redactor. */
  private record Issued(String token, TokenRedactor redactor) {

    @Override
    public String toString() {
      return "Issued{****}";
    }
  }

  /** One renewal after a 401 to {@code rejected}, under way or done. */
  private static final class Renewal {
    private final String rejected;
    private final CompletableFuture<String> next = new CompletableFuture<>();

    Renewal(String rejected) {
      this.rejected = rejected;
    }
  }
}
