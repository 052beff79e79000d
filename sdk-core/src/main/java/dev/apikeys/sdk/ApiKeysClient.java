package dev.apikeys.sdk;

import dev.apikeys.sdk.interceptors.Interceptor;
import dev.apikeys.sdk.internal.ClientOptions;
import dev.apikeys.sdk.internal.auth.Credentials;
import dev.apikeys.sdk.internal.call.CallEngine;
import dev.apikeys.sdk.internal.call.JsonWarmUp;
import dev.apikeys.sdk.internal.checks.Arguments;
import dev.apikeys.sdk.internal.checks.HeaderValues;
import dev.apikeys.sdk.internal.json.JacksonVersionCheck;
import dev.apikeys.sdk.internal.proxy.ProxyChecks;
import dev.apikeys.sdk.internal.json.SecretMask;
import dev.apikeys.sdk.internal.transport.RequestLimiter;
import dev.apikeys.sdk.internal.transport.SharedHttpClient;
import dev.apikeys.sdk.internal.transport.SharedTransport;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.transport.Transport;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of the SDK: a client of the API Keys API. Immutable and thread-safe: build one
 * and share it. Derive a client with other settings with {@link #withOptions(Consumer)}; it
 * shares this one's connection pool and its bound on requests in flight.
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
  public static final String LOGGER_NAME = CallEngine.LOGGER_NAME;

  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final ClientOptions options;
  private final CallEngine engine;
  private final ApiKeysService apiKeys;
  private final AccountApiKeysService accountApiKeys;
  private final ApiKeysClientAsync async;

  private ApiKeysClient(ClientOptions options) {
    this.options = options;
    this.engine = new CallEngine(options);
    this.apiKeys = ApiKeysServiceImpl.blocking(engine);
    this.accountApiKeys = AccountApiKeysServiceImpl.blocking(engine);
    this.async = new ApiKeysClientAsync(engine);
  }

  /**
   * Returns a builder with every default set; only the token (or a token provider) must be
   * given.
   *
   * @return a builder with every default set; only the token (or a token provider) must be
   *     given
   */
  public static Builder builder() {
    JsonWarmUp.start(ApiKey.class);
    return new Builder();
  }

  /**
   * Returns a client configured from the environment: {@code APIKEYS_TOKEN} (required),
   * {@code APIKEYS_BASE_URL}, {@code APIKEYS_ACCOUNT_ID}, {@code APIKEYS_LOG}, and the proxy
   * that {@link ProxyOptions#fromEnvironment(URI)} finds for the base URL
   * ({@code HTTPS_PROXY} or {@code HTTP_PROXY} with {@code NO_PROXY}, then Java's proxy
   * properties).
   *
   * @return the client
   * @throws NullPointerException if {@code APIKEYS_TOKEN} is not set
   * @throws IllegalArgumentException if a proxy variable holds no usable proxy URL
   * @throws IllegalStateException if the proxy has credentials and the base URL is
   *     {@code https://} (see {@link Builder#proxy(ProxyOptions)})
   */
  public static ApiKeysClient fromEnv() {
    return builder().fromEnv(System::getenv).build();
  }

  /**
   * Returns the API key operations of {@code /v1/api_key/}, blocking.
   *
   * @return the API key operations, blocking
   */
  public ApiKeysService apiKeys() {
    return apiKeys;
  }

  /**
   * Returns the account API's operations on API keys ({@code PATCH /apikeys/{id}}), blocking.
   *
   * @return the account API key operations, blocking
   */
  public AccountApiKeysService accountApiKeys() {
    return accountApiKeys;
  }

  /**
   * Returns the asynchronous view of this client, with the same settings.
   *
   * @return the asynchronous view of this client, with the same settings
   */
  public ApiKeysClientAsync async() {
    return async;
  }

  /**
   * Returns a builder holding this client's settings and sharing its connection pool.
   *
   * @return a builder holding this client's settings and sharing its connection pool
   */
  public Builder toBuilder() {
    return new Builder(options);
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
   * Closes this client: later calls throw {@link IllegalStateException}; calls in flight finish.
   * Clients derived from it stay open; the connection pool the SDK made is shut down when the
   * last client using it is closed (on Java 21 and newer; on 17 its threads end when it is
   * collected), and so is a {@link Builder#transport(Transport) transport} given to the
   * builder.
   */
  @Override
  public void close() {
    engine.close();
  }

  /** Shows the base URL and account; never the token. */
  @Override
  public String toString() {
    return "ApiKeysClient{baseUrl=" + options.baseUri() + ", accountId=" + options.accountId()
        + ", closed=" + engine.isClosed() + '}';
  }

  /**
   * Builds an {@link ApiKeysClient}. Every default is set here, in one place. Not thread-safe.
   */
  public static final class Builder {
    private URI baseUri = URI.create("http://localhost:3000");
    private @Nullable String token;
    private @Nullable TokenProvider tokenProvider;
    private @Nullable Credentials credentials;
    private @Nullable String accountId;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Duration timeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    /** Whether connectTimeout(...) was called on this builder, which then takes no client. */
    private boolean connectTimeoutSet;
    private @Nullable Duration callTimeout;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private LogLevel logLevel = LogLevel.parse(System.getenv("APIKEYS_LOG"));
    private Sleeper sleeper = Sleeper.system();
    private Clock clock = Clock.systemUTC();
    private int maxConcurrentRequests = 64;
    private @Nullable SharedTransport http;
    private @Nullable HttpClient givenClient;
    private @Nullable ProxyOptions proxy;
    private boolean proxyFromEnvironment;
    private @Nullable Transport givenTransport;
    private boolean transportInUse;
    private @Nullable RequestLimiter limiter;
    private final List<Interceptor> interceptors = new ArrayList<>();

    private Builder() {
    }

    private Builder(ClientOptions options) {
      this.baseUri = options.baseUri();
      this.credentials = options.credentials();
      this.accountId = options.accountId();
      this.retryPolicy = options.retryPolicy();
      this.timeout = options.timeout();
      this.connectTimeout = options.connectTimeout();
      this.callTimeout = options.callTimeout();
      this.headers.putAll(options.headers());
      this.logLevel = options.logLevel();
      this.sleeper = options.sleeper();
      this.clock = options.clock();
      this.http = options.http();
      this.givenClient = options.http().givenClient();
      this.givenTransport = options.http().givenTransport();
      this.transportInUse = givenTransport != null;
      this.proxy = options.http().givenTransport() == null ? options.http().proxy() : null;
      this.limiter = options.limiter();
      this.maxConcurrentRequests = options.limiter().maxInFlight();
      this.interceptors.addAll(options.interceptors());
    }

    /**
     * Sets the API's base URL. Default {@code http://localhost:3000}. A path prefix, such as a
     * gateway's {@code /apikeys-service}, is kept; trailing slashes are dropped. Plain
     * {@code http://} to a host other than this machine logs a warning, since the token would
     * travel in clear.
     *
     * @param baseUrl an absolute http or https URL, with no query, fragment or user info
     * @return this builder
     * @throws IllegalArgumentException if it is not such a URL
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUri = checkBaseUrl(baseUrl);
      return this;
    }

    /**
     * Sets the bearer token sent as {@code Authorization}. Required, unless a
     * {@link #tokenProvider(TokenProvider)} is set instead (not both); never logged or shown.
     * On a builder from {@link ApiKeysClient#toBuilder()}, it replaces the token or provider
     * the client had.
     *
     * @param token not blank, no CR or LF
     * @return this builder
     */
    public Builder token(String token) {
      this.token = Arguments.requireNonBlank(HeaderValues.requireValid(token, "token"), "token");
      this.credentials = null;
      return this;
    }

    /**
     * Sets where the bearer token comes from, for credentials that change while the client
     * lives: it is asked for the token before each attempt, and told when the server rejects
     * one (see {@link TokenProvider}). The alternative to {@link #token(String)}: set one of
     * them, not both. Derived clients ({@link ApiKeysClient#withOptions(Consumer)}) share the
     * provider, and the refresh after a 401. On a builder from
     * {@link ApiKeysClient#toBuilder()}, it replaces the token or provider the client had.
     *
     * <pre>{@code
     * ApiKeysClient client = ApiKeysClient.builder()
     *     .tokenProvider(() -> vault.read("apikeys/token"))
     *     .build();
     * }</pre>
     *
     * @param tokenProvider the provider, thread-safe
     * @return this builder
     */
    public Builder tokenProvider(TokenProvider tokenProvider) {
      this.tokenProvider = Objects.requireNonNull(tokenProvider,
          "tokenProvider must not be null");
      this.credentials = null;
      return this;
    }

    /**
     * Sets the account every call acts on ({@code x-account-id}). Default: none.
     *
     * @param accountId not blank, no CR or LF; null for none
     * @return this builder
     */
    public Builder accountId(@Nullable String accountId) {
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
     * @param timeout positive, at most a day
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
     * @param connectTimeout positive, at most a day
     * @return this builder
     * @throws IllegalStateException if an {@link #httpClient(HttpClient)} or a
     *     {@link #transport(Transport)} was given: set the connect timeout on it instead
     */
    public Builder connectTimeout(Duration connectTimeout) {
      Arguments.requirePositive(connectTimeout, "connectTimeout");
      if (givenClient != null) {
        throw new IllegalStateException("connectTimeout has no effect on the HttpClient given"
            + " to httpClient(...); set the connect timeout on that HttpClient instead");
      }
      if (givenTransport != null) {
        throw new IllegalStateException("connectTimeout has no effect on the Transport given"
            + " to transport(...); set the connect timeout on that transport instead");
      }
      this.connectTimeout = connectTimeout;
      this.connectTimeoutSet = true;
      this.http = null;
      return this;
    }

    /**
     * Sets how long a whole call may take, all attempts and waits included. Default: no limit
     * beyond the per-attempt timeout and retries.
     *
     * @param callTimeout positive and at most a day, or null for no limit
     * @return this builder
     */
    public Builder callTimeout(@Nullable Duration callTimeout) {
      this.callTimeout = callTimeout == null ? null
          : Arguments.requirePositive(callTimeout, "callTimeout");
      return this;
    }

    /**
     * Sets how many requests may be in flight at once; beyond it, calls wait in one queue, first
     * come, first served (blocking and async alike), and the wait counts against the attempt's
     * timeout. Default 64. Shared with the clients derived from this one.
     *
     * @param maxConcurrentRequests from 1 to 10,000
     * @return this builder
     */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      if (maxConcurrentRequests < 1 || maxConcurrentRequests > 10_000) {
        throw new IllegalArgumentException("maxConcurrentRequests must be between 1 and 10000,"
            + " was " + maxConcurrentRequests);
      }
      this.maxConcurrentRequests = maxConcurrentRequests;
      this.limiter = null;
      return this;
    }

    /**
     * Adds a header sent on every call; it replaces one added before with the same name in any
     * case.
     *
     * @param name an HTTP token, not one the SDK sets (Authorization, x-account-id, ...) nor a
     *     connection-level one (Connection, Transfer-Encoding, Host, ...)
     * @param value no CR or LF
     * @return this builder
     */
    public Builder header(String name, String value) {
      String checked = HeaderValues.requireExtraName(name);
      String valid = HeaderValues.requireValid(value, "header " + name);
      headers.keySet().removeIf(checked::equalsIgnoreCase);
      headers.put(checked, valid);
      return this;
    }

    /**
     * Adds an interceptor that sees every call and attempt of the client and can add headers;
     * interceptors run in the order they are added. See {@link Interceptor} for what they see
     * and where they run.
     *
     * @param interceptor the interceptor
     * @return this builder
     */
    public Builder addInterceptor(Interceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor must not be null"));
      return this;
    }

    /**
     * Removes every interceptor, such as those a derived client would inherit.
     *
     * @return this builder
     */
    public Builder clearInterceptors() {
      interceptors.clear();
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
     * Sends every request through a forward proxy, except those to its
     * {@linkplain ProxyOptions#nonProxyHosts() non-proxy hosts}. Default: none (no proxy, the
     * JVM's proxy settings included; {@link ApiKeysClient#fromEnv()} reads the environment's).
     * Plain {@code http://} requests go to the proxy in absolute form, with
     * {@code Proxy-Authorization: Basic ...} when the proxy has credentials; {@code https://}
     * ones through a {@code CONNECT} tunnel, for which the JDK's client cannot send credentials
     * without an {@code Authenticator} (which would drop the SDK's {@code Authorization}): for
     * a proxy that asks for credentials on {@code https://}, use the Apache transport
     * ({@code apikeys-transport-apache5}, {@code ApacheTransport.builder().proxy(...)}). A
     * client changed with it gets a connection pool of its own.
     *
     * <pre>{@code
     * ApiKeysClient client = ApiKeysClient.builder()
     *     .token(token)
     *     .proxy(ProxyOptions.builder().url("http://proxy.corp.example:3128").build())
     *     .build();
     * }</pre>
     *
     * @param proxy the proxy, or null for none
     * @return this builder
     */
    public Builder proxy(@Nullable ProxyOptions proxy) {
      if (!Objects.equals(proxy, this.proxy)) {
        this.http = null;
      }
      this.proxy = proxy;
      this.proxyFromEnvironment = false;
      return this;
    }

    /**
     * Sets the JDK client to send with, for a proxy, TLS settings or an executor of your own.
     * It keeps its own settings: for a server on plain {@code http://} that refuses HTTP/2
     * upgrade offers (uvicorn, some proxies), build it with
     * {@code .version(HttpClient.Version.HTTP_1_1)}. It must not follow redirects (the JDK would
     * send the token to wherever they lead); the SDK follows same-origin ones itself. Default:
     * one the SDK makes from {@link #connectTimeout(Duration)} and {@link #proxy(ProxyOptions)},
     * shared by derived clients. It keeps its own proxy settings, so it cannot be combined with
     * {@link #proxy(ProxyOptions)}, and it must have no {@code Authenticator}: the JDK would
     * drop the SDK's {@code Authorization} header on the requests it answers. Not together
     * with {@link #transport(Transport)}.
     *
     * @param httpClient the client, with {@link HttpClient.Redirect#NEVER}
     * @return this builder
     * @throws IllegalStateException if {@link #connectTimeout(Duration)} was set on this
     *     builder, which would have no effect: set it on that client instead
     */
    public Builder httpClient(HttpClient httpClient) {
      Objects.requireNonNull(httpClient, "httpClient must not be null");
      requireNoConnectTimeout("an HttpClient given to httpClient(...)",
          "that HttpClient instead");
      this.givenClient = httpClient;
      this.http = null;
      return this;
    }

    /**
     * Sets the transport that moves the bytes, such as Apache HttpClient 5's from
     * {@code apikeys-transport-apache5}. Default: the JDK's {@code java.net.http} client, made
     * by the SDK. Everything else stays in the SDK above it: retries, redirects, headers,
     * gzip, logging, interceptors and the bound on requests in flight.
     *
     * <p>The SDK owns the transport from then on: it is shared with the clients derived from
     * this one and closed when the last of them is closed, so hand over a new one inline.
     * {@link #connectTimeout(Duration)} does not apply to it; configure it on the transport. A
     * {@link #proxy(ProxyOptions)} is handed to it ({@link Transport#withProxy}), which the
     * Apache transport takes. Not together with {@link #httpClient(HttpClient)}.
     *
     * <pre>{@code
     * ApiKeysClient client = ApiKeysClient.builder()
     *     .token("sk-...")
     *     .transport(ApacheTransport.create())
     *     .build();
     * }</pre>
     *
     * @param transport the transport
     * @return this builder
     * @throws IllegalStateException if {@link #connectTimeout(Duration)} was set on this
     *     builder, which would have no effect: set it on the transport instead
     */
    public Builder transport(Transport transport) {
      Objects.requireNonNull(transport, "transport must not be null");
      requireNoConnectTimeout("a Transport given to transport(...)",
          "that transport instead, such as ApacheTransport.builder().connectTimeout(...)");
      this.givenTransport = transport;
      this.transportInUse = false;
      this.http = null;
      return this;
    }

    /** Refuses a client of the user's own, which would ignore a connectTimeout(...) set. */
    private void requireNoConnectTimeout(String given, String setItOn) {
      if (connectTimeoutSet) {
        throw new IllegalStateException("connectTimeout(...) was set, which has no effect on "
            + given + "; set the connect timeout on " + setItOn);
      }
    }

    /**
     * Reads settings from an environment: {@code APIKEYS_TOKEN}, {@code APIKEYS_BASE_URL},
     * {@code APIKEYS_ACCOUNT_ID} and {@code APIKEYS_LOG}; unset ones leave the setting as it is.
     * Then the proxy for the base URL, as {@link ProxyOptions#fromEnvironment(URI)} finds it
     * (the variables read from {@code env}, Java's proxy properties from the JVM); it is not
     * used if an {@link #httpClient(HttpClient)} is given, which keeps its own proxy settings.
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
      ProxyOptions.fromEnvironment(env, baseUri).ifPresent(found -> {
        proxy(found);
        proxyFromEnvironment = true;
      });
      return this;
    }

    /**
     * Returns the client.
     *
     * @return the client, immutable and thread-safe
     * @throws NullPointerException if neither a token nor a token provider was set
     * @throws IllegalStateException if both a token and a token provider were set
     * @throws IllegalArgumentException if the given {@link HttpClient} follows redirects or has
     *     an {@code Authenticator}
     * @throws IllegalStateException if a {@link #proxy(ProxyOptions)} is given together with an
     *     {@link #httpClient(HttpClient)}, or the proxy has credentials and the base URL is
     *     {@code https://} on the JDK transport
     * @throws UnsupportedOperationException if a proxy is given with a transport that takes
     *     none from the client
     * @throws IllegalStateException if both {@link #transport(Transport)} and
     *     {@link #httpClient(HttpClient)} were set
     * @throws IllegalStateException if the jackson-databind on the class path is older than
     *     the oldest the SDK supports (see the README's Compatibility)
     */
    public ApiKeysClient build() {
      JacksonVersionCheck.requireSupported();
      Credentials settled = settleCredentials();
      if (givenClient != null && proxyFromEnvironment) {
        proxy = null;
        proxyFromEnvironment = false;
      }
      if (givenTransport != null && givenClient != null) {
        throw new IllegalStateException("transport(...) and httpClient(...) were both set;"
            + " set one: the HttpClient is the JDK transport's, another transport has its own");
      }
      ProxyChecks.check(givenClient, givenTransport, proxy, baseUri);
      if (givenClient != null && givenClient.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException("the HttpClient given to httpClient(...) follows"
            + " redirects (" + givenClient.followRedirects() + "): the JDK would send the"
            + " Authorization header to wherever a redirect leads, another host included."
            + " Build it with followRedirects(HttpClient.Redirect.NEVER); the SDK follows"
            + " redirects within the base URL's origin itself");
      }
      if (http == null || !http.retain()) {
        if (http != null && givenTransport != null && http.givenTransport() == givenTransport) {
          throw new IllegalStateException("the Transport given to transport(...) was closed"
              + " with the last client using it; give this builder a new one");
        }
        if (givenTransport != null && proxy != null) {
          Transport unproxied = givenTransport;
          givenTransport = unproxied.withProxy(proxy);   // the SPI's, e.g. Apache's
          if (!transportInUse) {
            unproxied.close();
          }
          transportInUse = false;
          proxy = null;
          proxyFromEnvironment = false;
        }
        http = givenTransport != null ? SharedTransport.given(givenTransport)
            : SharedTransport.jdk(givenClient != null ? SharedHttpClient.given(givenClient)
                : SharedHttpClient.create(connectTimeout, proxy));
        http.retain();
      }
      if (limiter == null) {
        limiter = new RequestLimiter(maxConcurrentRequests);
      }
      warnOnCleartext();
      return new ApiKeysClient(new ClientOptions(baseUri, settled, accountId, retryPolicy,
          timeout, connectTimeout, callTimeout, headers, logLevel, sleeper, clock, http,
          limiter, interceptors));
    }

    private Credentials settleCredentials() {
      if (token != null && tokenProvider != null) {
        throw new IllegalStateException("token and tokenProvider are alternatives, but both"
            + " were set (token(...) or APIKEYS_TOKEN, and tokenProvider(...)): set one");
      }
      if (credentials != null) {
        return credentials;
      }
      if (tokenProvider != null) {
        return Credentials.provided(tokenProvider);
      }
      if (token == null) {
        throw new NullPointerException("token must be set: call token(...) or set APIKEYS_TOKEN");
      }
      return Credentials.fixed(token);
    }

    private String providerName() {
      if (tokenProvider != null) {
        return tokenProvider.getClass().getName();
      }
      return credentials == null ? "unset"
          : Objects.requireNonNullElse(credentials.providerName(), "unset");
    }

    private void warnOnCleartext() {
      if ("http".equals(baseUri.getScheme())
          && !LOCAL_HOSTS.contains(baseUri.getHost().toLowerCase(Locale.ROOT))) {
        System.getLogger(LOGGER_NAME).log(Level.WARNING, "base URL " + baseUri
            + " is plain http to another host: the token travels unencrypted; use https");
      }
    }

    private static URI checkBaseUrl(String baseUrl) {
      Arguments.requireWellFormed(Arguments.requireNonBlank(baseUrl, "baseUrl"), "baseUrl");
      String trimmed = baseUrl.strip().replaceAll("/+$", "");
      URI uri;
      try {
        uri = new URI(trimmed);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("baseUrl is not a valid URL: " + baseUrl, e);
      }
      if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          || uri.getHost() == null || uri.getRawQuery() != null
          || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http or https URL with"
            + " a host and no query, fragment or user info, such as http://localhost:3000;"
            + " was: " + baseUrl);
      }
      return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://"
          + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath()));
    }

    /** Shows the settings; never the token. */
    @Override
    public String toString() {
      return "ApiKeysClient.Builder{baseUrl=" + baseUri + ", accountId=" + accountId
          + ", token=" + (token != null || credentials != null && credentials.isFixed()
              ? SecretMask.MASK : "unset")
          + ", tokenProvider=" + providerName()
          + ", retryPolicy=" + retryPolicy + ", timeout=" + timeout
          + ", transport=" + (givenTransport != null ? givenTransport.getClass().getSimpleName()
              : givenClient != null ? "the given HttpClient" : "JDK")
          + (proxy == null ? "" : ", proxy=" + proxy) + '}';
    }
  }
}
