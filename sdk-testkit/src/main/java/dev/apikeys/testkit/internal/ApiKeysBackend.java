package dev.apikeys.testkit.internal;

import com.github.tomakehurst.wiremock.extension.Extension;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state and the WireMock extensions behind a mock server. Thread-safe.
 *
 * <p>Not public API: use {@code dev.apikeys.testkit.MockApiKeysServer}.
 */
public final class ApiKeysBackend {

  /** How many keys a page holds when a list request names no {@code limit}. */
  public static final int DEFAULT_LIMIT = 10;

  /** The name of the response transformer that the catch-all API stub names. */
  public static final String TRANSFORMER_NAME = "apikeys-testkit-api";

  private final KeyStore store;
  private final ApiKeysEndpoint endpoint;
  private final RequestIdStamper requestIds = new RequestIdStamper();
  private final List<Extension> extensions;

  /**
   * Creates an empty backend.
   *
   * @param clock gives the {@code created_date} of created keys
   * @param callers the bearer tokens that authenticate, and who each one is
   * @param defaultAccount the account of requests without an {@code x-account-id} header
   */
  public ApiKeysBackend(Clock clock, Map<String, Caller> callers, String defaultAccount) {
    this.store = new KeyStore(Objects.requireNonNull(clock, "clock"));
    this.endpoint = new ApiKeysEndpoint(store, callers, defaultAccount);
    this.extensions = List.of(new ApiResponseTransformer(endpoint), requestIds);
  }

  /** Returns the WireMock extensions to register: the API transformer and the id stamper. */
  public Extension[] extensions() {
    return extensions.toArray(Extension[]::new);
  }

  /**
   * Adds seeded keys to an account.
   *
   * @return the ids of the new keys, in creation order
   */
  public List<String> seed(String account, int count, String creatorId) {
    return store.seed(account, count, creatorId);
  }

  /**
   * Makes {@code newToken} authenticate as {@code oldToken}'s caller, and {@code oldToken} no
   * more.
   *
   * @param oldToken a token the server was built with, or was rotated to
   * @param newToken a token the server does not know yet
   * @throws IllegalArgumentException if {@code oldToken} is not such a token, or
   *     {@code newToken} already is one
   */
  public void rotateToken(String oldToken, String newToken) {
    endpoint.rotateToken(oldToken, newToken);
  }

  /**
   * Forgets every key and idempotency key and every token rotation; key ids start again from
   * {@code key_0001} and request ids from {@code req_00000001}.
   */
  public void clear() {
    store.clear();
    requestIds.restart();
    endpoint.restoreTokens();
  }
}
