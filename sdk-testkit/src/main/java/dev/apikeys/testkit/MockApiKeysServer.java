package dev.apikeys.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.testkit.internal.ApiKeysBackend;
import dev.apikeys.testkit.internal.Caller;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A real HTTP server on a local port that serves the whole API Keys API from memory, for tests.
 *
 * <p>It runs on WireMock: one catch-all stub at {@link #API_STUB_PRIORITY} answers every
 * request from an in-memory store, so stubs that you add through {@link #wireMock()} with the
 * default priority win over it, and WireMock's faults, delays and {@code verify} work as usual.
 *
 * <p>What it does:
 * <ul>
 *   <li>Serves {@code GET/POST /v1/api_key/} and {@code GET/PATCH/DELETE /v1/api_key/{id}} as
 *       the API document describes, and the account API's {@code PATCH /apikeys/{id}} on the same
 *       keys; other paths answer 404, other methods 405.</li>
 *   <li>Lists oldest first ({@code order=asc}) by {@code created_date}, then id; {@code limit}
 *       defaults to {@value #DEFAULT_LIMIT}. A cursor ({@code after} or {@code before}) must be
 *       the id of a key of the account, deleted ones included, else the answer is 400; both
 *       cursors at once are a 400 too. With {@code before}, the page holds the keys just before
 *       the cursor and {@code has_more} tells whether more come before it.</li>
 *   <li>Scopes keys by the {@code x-account-id} header; without it, requests use
 *       {@value #DEFAULT_ACCOUNT_ID}. Keys of another account answer 404.</li>
 *   <li>Replays the first result for a repeated {@code Idempotency-Key} in the same account
 *       (with an {@code Idempotent-Replayed: true} header) and answers 409 when the key comes
 *       with another body.</li>
 *   <li>Authenticates {@link #ADMIN_TOKEN}, {@link #RESTRICTED_TOKEN}, {@link #FORBIDDEN_TOKEN},
 *       the tokens added with the {@link Builder}, and the secret of every key in the store
 *       (seeded or created, until it is deleted or expires); every other token answers
 *       401.</li>
 *   <li>Checks requests in this order: path and method (404, 405), token (401), permission
 *       and account (403), query and body (400), the key's existence (404), then the rules
 *       that depend on the stored key (400, and 403 for what an API key may not give). A body
 *       must be a JSON object with only the fields of the API (another field is a 400, as a
 *       likely typo); permissions must be among the 61 values of the API document (400
 *       {@code "Invalid permissions provided: ..."} otherwise) and keep their first
 *       occurrence's order without duplicates; date-times come back in UTC.</li>
 *   <li>Gives every response an {@code x-request-id} header.</li>
 * </ul>
 *
 * <p>Who may do what. An administrator token may do everything. Every other token is an API
 * key's token, and follows the account API's rules and one more, that a key never gives more than it
 * has:
 * <ul>
 *   <li>A restricted key needs the matching permission: {@code api_keys.view} to list and
 *       retrieve, {@code api_keys.create}, {@code api_keys.update}, {@code api_keys.delete}
 *       (else 403). An unrestricted key has them all.</li>
 *   <li>It updates its own key only, on either update endpoint: {@code "API keys cannot update
 *       other API keys"} (403) for any other id. {@link #RESTRICTED_TOKEN} and the tokens of
 *       {@link Builder#restrictedToken} belong to keys outside the store, so they update no key;
 *       to test a key that updates itself, create a key and use its secret as the token.</li>
 *   <li>What it creates, or makes of its own key, has no more than the key has: a restricted
 *       key creates only restricted keys, with permissions among its own, and expiring no later
 *       than itself (403 otherwise).</li>
 *   <li>A stored key's secret works in the key's own account: requests without
 *       {@code x-account-id} use it, and naming another account is a 403. Keys created with
 *       such a token have the creator of the token's key as {@code creator_id}.</li>
 * </ul>
 *
 * <p>The account API's {@code PATCH /apikeys/{id}} takes {@code ApiKeyInput} and answers
 * {@code {"success": true}}: {@code description} replaces the description;
 * {@code flatPermissionsList} is the complete list of permissions and the key becomes
 * restricted to it (an unrestricted key too; make a key unrestricted again with
 * {@code PATCH /v1/api_key/{id}}); {@code expiresAt} set to a date-time sets the expiry, set to
 * {@code null} or {@code ""} removes it, and left out leaves it as it is. The changes show in
 * {@code GET /v1/api_key/{id}}. Permission ids outside the 61 values, such as the API documentation's own
 * example {@code readApplications}, answer 400 {@code "Invalid permissions provided: ..."}:
 * the API document's {@code ApiKey} could not list them.
 *
 * <p>Ids are {@code key_0001}, {@code key_0002} and so on, in the order keys are seeded or
 * created, across accounts. Created keys take their {@code created_date} from the builder's
 * clock, to the millisecond, and a secret derived from their account and id. A key's secret
 * stops working as a token (401) when the key is deleted, or when the builder's clock reaches
 * its {@code expires_at}.
 *
 * <pre>{@code
 * try (MockApiKeysServer server = MockApiKeysServer.builder().seed(3).build().start();
 *     ApiKeysClient client = server.clientBuilder().build()) {
 *   ApiKey key = client.apiKeys().retrieve("key_0001");
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of clients may call it at once, and each request sees and leaves
 * a consistent state.
 */
public final class MockApiKeysServer implements AutoCloseable {

  /** A token of an account administrator, who may do everything. */
  public static final String ADMIN_TOKEN = "sk-test-admin";

  /**
   * A token of a restricted API key with {@code api_keys.view}, {@code api_keys.create},
   * {@code api_keys.update} and {@code api_keys.delete}, which is not in the store: it may list,
   * retrieve and delete keys, and create restricted keys with permissions among those four, in
   * any account; it updates no key (403, as API keys cannot update other API keys).
   */
  public static final String RESTRICTED_TOKEN = "sk-test-restricted";

  /** A token of a restricted API key with only {@code calls.view}: every operation is 403. */
  public static final String FORBIDDEN_TOKEN = "sk-test-forbidden";

  /** A token that the server never accepts: every operation is 401. */
  public static final String UNKNOWN_TOKEN = "sk-test-unknown";

  /** The {@code creator_id} of keys that an administrator token creates, and of seeded keys. */
  public static final String ADMIN_USER_ID = "user_admin";

  /**
   * The {@code creator_id} of keys that {@link #RESTRICTED_TOKEN} or a token of
   * {@link Builder#restrictedToken} creates.
   */
  public static final String RESTRICTED_USER_ID = "user_restricted";

  /** The account of requests without an {@code x-account-id} header. */
  public static final String DEFAULT_ACCOUNT_ID = "acct_default";

  /** How many keys a page holds when a list request names no {@code limit}. */
  public static final int DEFAULT_LIMIT = ApiKeysBackend.DEFAULT_LIMIT;

  /** The WireMock priority of the API stub; stubs with a smaller number win over it. */
  public static final int API_STUB_PRIORITY = 100;

  private static final String LOOPBACK = "127.0.0.1";

  private final WireMockServer wireMock;
  private final ApiKeysBackend backend;

  private MockApiKeysServer(Builder builder) {
    this.backend = new ApiKeysBackend(builder.clock, builder.callers, DEFAULT_ACCOUNT_ID);
    this.wireMock = new WireMockServer(WireMockConfiguration.options()
        .bindAddress(LOOPBACK)
        .port(builder.port)
        .extensions(backend.extensions()));
    addApiStub();
    seed(builder.seed);
  }

  /**
   * Returns a new builder: random port, no keys, the system clock, the built-in tokens.
   *
   * @return a new builder: random port, no keys, the system clock, the built-in tokens
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts listening; does nothing when already running.
   *
   * @return this server, for chaining
   */
  public synchronized MockApiKeysServer start() {
    if (!wireMock.isRunning()) {
      wireMock.start();
    }
    return this;
  }

  /** Stops listening; does nothing when not running. */
  public synchronized void stop() {
    if (wireMock.isRunning()) {
      wireMock.stop();
    }
  }

  /** Stops the server; the same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /**
   * Returns whether the server is listening.
   *
   * @return whether the server is listening
   */
  public boolean isRunning() {
    return wireMock.isRunning();
  }

  /**
   * Returns the port the server listens on.
   *
   * @return the port
   * @throws IllegalStateException if the server is not running
   */
  public int port() {
    if (!wireMock.isRunning()) {
      throw new IllegalStateException("the server is not running; call start() first");
    }
    return wireMock.port();
  }

  /**
   * Returns the base URL to give a client, such as {@code http://127.0.0.1:54321}.
   *
   * @return the base URL
   * @throws IllegalStateException if the server is not running
   */
  public String baseUrl() {
    return "http://" + LOOPBACK + ":" + port();
  }

  /**
   * Returns the underlying WireMock server, to add stubs and faults and to verify requests.
   *
   * <p>Prefer {@link #reset()} to {@code resetAll()} or {@code resetMappings()} on it: those
   * remove the API stub too, after which every request answers 404.
   *
   * @return the WireMock server
   */
  public WireMockServer wireMock() {
    return wireMock;
  }

  /**
   * Returns the server to an empty state: no keys in any account, no idempotency keys, key ids
   * from {@code key_0001} and request ids from {@code req_00000001} again, the tokens it was
   * built with (every {@link #rotateToken rotation} undone), no stubs but the API stub, an
   * empty request journal.
   */
  public void reset() {
    backend.clear();
    wireMock.resetAll();
    addApiStub();
  }

  /**
   * Rotates a token while the server runs, as a secret store would: from now on
   * {@code newToken} authenticates as the same caller (administrator or restricted key, same
   * permissions) and {@code oldToken} is revoked, so a request with it answers 401. For tests
   * of clients whose {@code TokenProvider} must pick up a rotated token. {@link #reset()}
   * undoes every rotation. Thread-safe; requests in flight see the old or the new tokens.
   *
   * <pre>{@code
   * server.rotateToken(MockApiKeysServer.ADMIN_TOKEN, "admin-token-2");
   * // ADMIN_TOKEN now gets 401; "admin-token-2" may do everything
   * }</pre>
   *
   * @param oldToken a token the server was built with (a built-in one or one added with the
   *     {@link Builder}), or one it was rotated to; not a stored key's secret
   * @param newToken the token that replaces it: not blank, not {@link #UNKNOWN_TOKEN}, not a
   *     token the server already accepts this way
   * @throws IllegalArgumentException if {@code oldToken} is not such a token, or
   *     {@code newToken} is refused
   */
  public void rotateToken(String oldToken, String newToken) {
    Objects.requireNonNull(oldToken, "oldToken");
    backend.rotateToken(oldToken, Builder.checkToken(newToken, "newToken"));
  }

  /**
   * Adds {@code count} keys to {@link #DEFAULT_ACCOUNT_ID}; see {@link #seed(String, int)}.
   *
   * @param count how many keys, zero or more
   * @return the ids of the new keys, in order
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public List<String> seed(int count) {
    return seed(DEFAULT_ACCOUNT_ID, count);
  }

  /**
   * Adds {@code count} fixed keys to an account. Key number {@code n} (its id is
   * {@code key_000n} on an empty server) is named {@code "Seeded key n"}, described
   * {@code "Seeded API key number n"}, created at 2024-01-01T00:00:00Z plus {@code n - 1}
   * minutes by {@link #ADMIN_USER_ID}; even-numbered keys are restricted with
   * {@code calls.view} and {@code calls.create}, odd ones unrestricted with no permissions;
   * every third key expires at 2030-01-01T00:00:00Z, the others never.
   *
   * @param accountId the account that gets the keys, as an {@code x-account-id} names it
   * @param count how many keys to add, 0 or more
   * @return the ids of the new keys, in order
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public List<String> seed(String accountId, int count) {
    Objects.requireNonNull(accountId, "accountId");
    requireNonNegative(count, "count");
    return backend.seed(accountId, count, ADMIN_USER_ID);
  }

  /**
   * Returns a client builder set to this server's base URL and {@link #ADMIN_TOKEN}, whose
   * retries do not wait, so that tests of failures stay fast; every other setting is the SDK's
   * default. Set {@code sleeper(Sleeper.system())} on it to wait as in production.
   *
   * @return a client builder for this server
   * @throws IllegalStateException if the server is not running
   */
  public ApiKeysClient.Builder clientBuilder() {
    return ApiKeysClient.builder().baseUrl(baseUrl()).token(ADMIN_TOKEN)
        .sleeper(duration -> CompletableFuture.completedFuture(null));
  }

  @Override
  public String toString() {
    return "MockApiKeysServer{" + (isRunning() ? baseUrl() : "not running") + '}';
  }

  private void addApiStub() {
    wireMock.stubFor(any(anyUrl()).atPriority(API_STUB_PRIORITY)
        .willReturn(aResponse().withTransformers(ApiKeysBackend.TRANSFORMER_NAME)));
  }

  private static void requireNonNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be 0 or more; was: " + value);
    }
  }

  /**
   * Configures a {@link MockApiKeysServer}. Not thread-safe; {@link #build()} copies the
   * settings, so a builder can make many servers.
   */
  public static final class Builder {

    private int port;
    private int seed;
    private Clock clock = Clock.systemUTC();
    private final Map<String, Caller> callers = new LinkedHashMap<>();

    private Builder() {
      callers.put(ADMIN_TOKEN, Caller.administrator(ADMIN_USER_ID));
      callers.put(RESTRICTED_TOKEN, Caller.restrictedKey(RESTRICTED_USER_ID, List.of(
          "api_keys.view", "api_keys.create", "api_keys.update", "api_keys.delete")));
      callers.put(FORBIDDEN_TOKEN,
          Caller.restrictedKey(RESTRICTED_USER_ID, List.of("calls.view")));
    }

    private Builder(Builder source) {
      this.port = source.port;
      this.seed = source.seed;
      this.clock = source.clock;
      this.callers.putAll(source.callers);
    }

    /**
     * Sets the port to listen on; default 0, a free port chosen at start.
     *
     * @param port from 0 to 65535
     * @return this builder
     * @throws IllegalArgumentException if {@code port} is not from 0 to 65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be from 0 to 65535; was: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets how many keys to seed into {@link #DEFAULT_ACCOUNT_ID}; default 0. See
     * {@link MockApiKeysServer#seed(String, int)} for what they hold.
     *
     * @param count how many keys, zero or more
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public Builder seed(int count) {
      requireNonNegative(count, "seed");
      this.seed = count;
      return this;
    }

    /**
     * Sets the clock that dates created keys; default {@link Clock#systemUTC()}. A fixed clock
     * makes {@code created_date} exact.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Adds a token of an account administrator, besides {@link #ADMIN_TOKEN}.
     *
     * @param token the bearer token, as a client sends it
     * @return this builder
     * @throws IllegalArgumentException if the token is blank or {@link #UNKNOWN_TOKEN}
     */
    public Builder adminToken(String token) {
      callers.put(checkToken(token, "token"), Caller.administrator(ADMIN_USER_ID));
      return this;
    }

    /**
     * Adds a token of a restricted API key with these permissions, like
     * {@link #RESTRICTED_TOKEN}: a key that is not in the store, so it updates no key. It may
     * list and retrieve with {@code api_keys.view}, create restricted keys with permissions
     * among its own with {@code api_keys.create}, and delete with {@code api_keys.delete}. The
     * keys it creates have {@link #RESTRICTED_USER_ID} as {@code creator_id}.
     *
     * @param token the bearer token, as a client sends it
     * @param permissions permission values such as {@code "api_keys.view"}, not checked
     * @return this builder
     * @throws IllegalArgumentException if the token is blank or {@link #UNKNOWN_TOKEN}
     */
    public Builder restrictedToken(String token, Collection<String> permissions) {
      Objects.requireNonNull(permissions, "permissions");
      callers.put(checkToken(token, "token"),
          Caller.restrictedKey(RESTRICTED_USER_ID, List.copyOf(permissions)));
      return this;
    }

    /**
     * Returns a new, stopped server with these settings; call {@code start()} on it.
     *
     * @return a new, stopped server with these settings; call {@code start()} on it
     */
    public MockApiKeysServer build() {
      return new MockApiKeysServer(new Builder(this));
    }

    Builder copy() {
      return new Builder(this);
    }

    int seedCount() {
      return seed;
    }

    private static String checkToken(String token, String field) {
      Objects.requireNonNull(token, field);
      if (token.isBlank() || token.strip().equals(UNKNOWN_TOKEN)) {
        throw new IllegalArgumentException(field + " must not be blank nor UNKNOWN_TOKEN");
      }
      return token.strip();
    }
  }
}
