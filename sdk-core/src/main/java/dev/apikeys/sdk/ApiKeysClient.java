package dev.apikeys.sdk;

import dev.apikeys.sdk.internal.Arguments;
import dev.apikeys.sdk.internal.HeaderValues;
import dev.apikeys.sdk.internal.HttpTransport;
import dev.apikeys.sdk.internal.JdkHttpTransport;
import dev.apikeys.sdk.internal.LoggingTransport;
import dev.apikeys.sdk.internal.RetryingTransport;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The entry point of the SDK: a client of the API Keys API. Immutable and thread-safe: build one
 * and share it. Derive a client with other settings with {@link #withOptions(Consumer)}; it
 * shares this one's connection pool.
 *
 * <pre>{@code
 * try (ApiKeysClient client = ApiKeysClient.builder()
 *     .token(System.getenv("APIKEYS_TOKEN"))
 *     .build()) {
 *   ApiKey key = client.apiKeys().update("key_1", UpdateApiKeyParams.builder()
 *       .name("ci-bot")
 *       .build());
 * }
 * }</pre>
 */
public final class ApiKeysClient implements AutoCloseable {

  /** The name of the {@link System.Logger} the SDK logs to. */
  public static final String LOGGER_NAME = "dev.apikeys.sdk";

  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final Builder settings;
  private final ClientState state = new ClientState();
  private final ApiKeysService apiKeys;
  private final ApiKeysAsyncClient async;

  private ApiKeysClient(Builder settings, ClientConfig config) {
    this.settings = settings;
    ApiKeysOperations operations = new ApiKeysOperations(config, state);
    this.apiKeys = new ApiKeysService(operations);
    this.async = new ApiKeysAsyncClient(operations);
  }

  /**
   * Returns a builder with every default set; only the token must be given.
   *
   * @return a builder with every default set; only the token must be given
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a client configured from the environment: {@code APIKEYS_TOKEN} (required),
   * {@code APIKEYS_BASE_URL}, {@code APIKEYS_ACCOUNT_ID} and {@code APIKEYS_LOG}.
   *
   * @return the client
   * @throws NullPointerException if {@code APIKEYS_TOKEN} is not set
   */
  public static ApiKeysClient fromEnv() {
    return builder().fromEnv(System::getenv).build();
  }

  /**
   * Returns the API key operations, blocking.
   *
   * @return the API key operations, blocking
   */
  public ApiKeysService apiKeys() {
    return apiKeys;
  }

  /**
   * Returns the asynchronous view of this client, with the same settings.
   *
   * @return the asynchronous view of this client, with the same settings
   */
  public ApiKeysAsyncClient async() {
    return async;
  }

  /**
   * Returns a builder holding this client's settings and sharing its connection pool.
   *
   * @return a builder holding this client's settings and sharing its connection pool
   */
  public Builder toBuilder() {
    return settings.copy();
  }

  /**
   * Returns a client with some settings changed, sharing this one's connection pool.
   *
   * <pre>{@code
   * ApiKeysClient other = client.withOptions(b -> b.accountId("acct_2").maxRetries(0));
   * }</pre>
   *
   * @param change what to change
   * @return the new client; this one is unchanged
   */
  public ApiKeysClient withOptions(Consumer<Builder> change) {
    Builder builder = toBuilder();
    change.accept(builder);
    return builder.build();
  }

  /**
   * Closes this client: later calls throw {@link IllegalStateException}. Clients derived from
   * it stay open; the connection pool is released when none uses it any more.
   */
  @Override
  public void close() {
    state.close();
  }

  /** Shows the base URL and account; never the token. */
  @Override
  public String toString() {
    return "ApiKeysClient{baseUrl=" + settings.baseUrl + ", accountId=" + settings.accountId
        + ", closed=" + state.isClosed() + '}';
  }

  /**
   * Builds an {@link ApiKeysClient}. Every default is set here, in one place. Not thread-safe.
   */
  public static final class Builder {
    private String baseUrl = "http://localhost:3000";
    private String token;
    private String accountId;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration timeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration callTimeout;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private LogLevel logLevel = LogLevel.parse(System.getenv("APIKEYS_LOG"));
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private HttpClient httpClient;
    private boolean httpClientGiven;

    private Builder() {
    }

    /**
     * Sets the API's base URL. Default {@code http://localhost:3000}. Plain {@code http://} to a
     * host other than this machine logs a warning, since the token would travel in clear.
     *
     * @param baseUrl an absolute http or https URL, with no query or fragment
     * @return this builder
     * @throws IllegalArgumentException if it is not such a URL
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = checkBaseUrl(baseUrl).toString();
      return this;
    }

    /**
     * Sets the bearer token sent as {@code Authorization}. Required; never logged or shown.
     *
     * @param token not blank, no CR or LF
     * @return this builder
     */
    public Builder token(String token) {
      this.token = Arguments.requireNonBlank(HeaderValues.requireValid(token, "token"), "token");
      return this;
    }

    /**
     * Sets the account every call acts on ({@code x-account-id}). Default: none.
     *
     * @param accountId not blank, no CR or LF; null for none
     * @return this builder
     */
    public Builder accountId(String accountId) {
      this.accountId = accountId == null ? null
          : Arguments.requireNonBlank(HeaderValues.requireValid(accountId, "accountId"),
              "accountId");
      return this;
    }

    /**
     * Sets how many times a failed attempt is retried. Default 2; 0 disables retries.
     *
     * @param maxRetries from 0 to 100
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      this.retryPolicy = retryPolicy.toBuilder().maxRetries(maxRetries).build();
      return this;
    }

    /**
     * Sets the whole retry policy. Default {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy must not be null");
      return this;
    }

    /**
     * Sets how long one attempt may take, from sending to the whole response, body included.
     * Default 30 s.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Arguments.requirePositive(timeout, "timeout");
      return this;
    }

    /**
     * Sets how long opening a connection may take. Default 10 s. Applies to a connection pool
     * this builder creates; a client changed with it gets a connection pool of its own.
     *
     * @param connectTimeout positive
     * @return this builder
     * @throws IllegalStateException if an {@link #httpClient(HttpClient)} was given: set the
     *     connect timeout on that client instead
     */
    public Builder connectTimeout(Duration connectTimeout) {
      Arguments.requirePositive(connectTimeout, "connectTimeout");
      if (httpClientGiven) {
        throw new IllegalStateException("connectTimeout has no effect on the HttpClient given"
            + " to httpClient(...); set the connect timeout on that HttpClient instead");
      }
      this.connectTimeout = connectTimeout;
      this.httpClient = null;
      return this;
    }

    /**
     * Sets how long a whole call may take, all attempts and waits included. Default: no limit
     * beyond the per-attempt timeout and retries.
     *
     * @param callTimeout positive, or null for no limit
     * @return this builder
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = callTimeout == null ? null
          : Arguments.requirePositive(callTimeout, "callTimeout");
      return this;
    }

    /**
     * Adds a header sent on every call.
     *
     * @param name an HTTP token, not one the SDK sets (Authorization, x-account-id, ...)
     * @param value no CR or LF
     * @return this builder
     */
    public Builder header(String name, String value) {
      headers.put(HeaderValues.requireExtraName(name),
          HeaderValues.requireValid(value, "header " + name));
      return this;
    }

    /**
     * Sets how much is logged to {@value ApiKeysClient#LOGGER_NAME}. Default: from the
     * environment variable {@code APIKEYS_LOG}, else {@link LogLevel#OFF}.
     *
     * @param logLevel the level
     * @return this builder
     */
    public Builder logLevel(LogLevel logLevel) {
      this.logLevel = Objects.requireNonNull(logLevel, "logLevel must not be null");
      return this;
    }

    /**
     * Sets how waits between retries are made. Default {@link Sleeper#system()}; tests pass
     * one that does not wait.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
      return this;
    }

    /**
     * Sets the clock that deadlines and HTTP-date {@code Retry-After} are measured against.
     * Default {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock must not be null");
      return this;
    }

    /**
     * Sets the JDK client to send with, for a proxy, TLS settings or an executor of your own.
     * Default: one made from {@link #connectTimeout(Duration)}, shared by derived clients.
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient must not be null");
      this.httpClientGiven = true;
      return this;
    }

    /**
     * Reads settings from an environment: {@code APIKEYS_TOKEN}, {@code APIKEYS_BASE_URL},
     * {@code APIKEYS_ACCOUNT_ID} and {@code APIKEYS_LOG}; unset ones leave the setting as it is.
     *
     * @param env looks up a variable, such as {@code System::getenv}
     * @return this builder
     */
    public Builder fromEnv(UnaryOperator<String> env) {
      String envToken = env.apply("APIKEYS_TOKEN");
      if (envToken != null) {
        token(envToken);
      }
      String envBaseUrl = env.apply("APIKEYS_BASE_URL");
      if (envBaseUrl != null && !envBaseUrl.isBlank()) {
        baseUrl(envBaseUrl.trim());
      }
      String envAccount = env.apply("APIKEYS_ACCOUNT_ID");
      if (envAccount != null && !envAccount.isBlank()) {
        accountId(envAccount.trim());
      }
      String envLog = env.apply("APIKEYS_LOG");
      if (envLog != null) {
        logLevel(LogLevel.parse(envLog));
      }
      return this;
    }

    /**
     * Returns the client.
     *
     * @return the client, immutable and thread-safe
     * @throws NullPointerException if no token was set
     */
    public ApiKeysClient build() {
      if (token == null) {
        throw new NullPointerException("token must be set: call token(...) or set APIKEYS_TOKEN");
      }
      if (httpClient == null) {
        httpClient = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
      }
      Logger logger = System.getLogger(LOGGER_NAME);
      URI base = URI.create(baseUrl);
      if ("http".equals(base.getScheme())
          && !LOCAL_HOSTS.contains(base.getHost().toLowerCase(Locale.ROOT))) {
        logger.log(Level.WARNING, "base URL " + baseUrl + " is plain http to another host:"
            + " the token travels unencrypted; use https");
      }
      Builder settings = copy();
      ClientConfig config = new ClientConfig(base, accountId, retryPolicy, timeout, callTimeout,
          Map.copyOf(headers), clock, assemble(logger));
      return new ApiKeysClient(settings, config);
    }

    private HttpTransport assemble(Logger logger) {
      Map<String, String> fixed = new LinkedHashMap<>();
      fixed.put("Authorization", "Bearer " + token);
      fixed.put("Accept", "application/json");
      fixed.put("User-Agent", SdkVersion.USER_AGENT);
      HttpTransport transport = new JdkHttpTransport(httpClient, fixed);
      Level level = logLevel == LogLevel.OFF ? Level.DEBUG : Level.INFO;
      transport = new LoggingTransport(transport, logger, level, logLevel == LogLevel.DEBUG);
      return new RetryingTransport(transport, retryPolicy, sleeper, clock);
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.baseUrl = baseUrl;
      copy.token = token;
      copy.accountId = accountId;
      copy.retryPolicy = retryPolicy;
      copy.timeout = timeout;
      copy.connectTimeout = connectTimeout;
      copy.callTimeout = callTimeout;
      copy.headers.putAll(headers);
      copy.logLevel = logLevel;
      copy.sleeper = sleeper;
      copy.clock = clock;
      copy.httpClient = httpClient;
      copy.httpClientGiven = httpClientGiven;
      return copy;
    }

    private static URI checkBaseUrl(String baseUrl) {
      Arguments.requireNonBlank(baseUrl, "baseUrl");
      URI uri;
      try {
        uri = new URI(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1)
            : baseUrl);
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException("baseUrl is not a valid URL: " + baseUrl, e);
      }
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null || uri.getRawQuery() != null
          || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http or https URL with"
            + " a host and no query, fragment or user info, such as http://localhost:3000;"
            + " was: " + baseUrl);
      }
      return uri;
    }

    /** Shows the settings; never the token. */
    @Override
    public String toString() {
      return "ApiKeysClient.Builder{baseUrl=" + baseUrl + ", accountId=" + accountId
          + ", token=" + (token == null ? "unset" : "****") + ", retryPolicy=" + retryPolicy
          + ", timeout=" + timeout + '}';
    }
  }
}
