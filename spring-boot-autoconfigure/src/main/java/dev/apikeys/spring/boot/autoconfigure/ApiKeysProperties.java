package dev.apikeys.spring.boot.autoconfigure;

import dev.apikeys.sdk.LogLevel;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code apikeys.*} properties. Every setting left unset keeps the SDK's default (see
 * {@code ApiKeysClient.Builder}); the environment variable {@code APIKEYS_TOKEN} sets
 * {@code apikeys.token} through Spring's relaxed binding.
 */
@ConfigurationProperties("apikeys")
public class ApiKeysProperties {

  /** Base URL of the API Keys API. The SDK's default is http://localhost:3000. */
  private @Nullable String baseUrl;

  /** Bearer token the client authenticates with. Required, unless a TokenProvider bean wins. */
  private @Nullable String token;

  /** Account the calls act in (the x-account-id header); by default the token's own. */
  private @Nullable String accountId;

  /** Time allowed for each attempt's response. The SDK's default is 30s. */
  private @Nullable Duration timeout;

  /** Time allowed to open a connection. The SDK's default is 10s. */
  private @Nullable Duration connectTimeout;

  /** Time allowed for a whole call, retries and waits included. No limit by default. */
  private @Nullable Duration callTimeout;

  /** How many times a failed call is retried, 0 to 10. The SDK's default is 2. */
  private @Nullable Integer maxRetries;

  /** What the SDK logs of each call (OFF, INFO, DEBUG). By default APIKEYS_LOG, else OFF. */
  private @Nullable LogLevel logLevel;

  /**
   * Transport the client sends with: APACHE when apikeys-transport-apache5 is on the class
   * path and no Transport bean is defined, else JDK. Set JDK to keep the JDK's client anyway.
   */
  private @Nullable TransportKind transport;

  private final Health health = new Health();

  /** Creates the properties, all unset. */
  public ApiKeysProperties() {
  }

  /**
   * Returns the base URL.
   *
   * @return the base URL, or null for the SDK's default
   */
  public @Nullable String getBaseUrl() {
    return baseUrl;
  }

  /**
   * Sets the base URL.
   *
   * @param baseUrl the base URL
   */
  public void setBaseUrl(@Nullable String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /**
   * Returns the token.
   *
   * @return the token, or null when unset
   */
  public @Nullable String getToken() {
    return token;
  }

  /**
   * Sets the token.
   *
   * @param token the token
   */
  public void setToken(@Nullable String token) {
    this.token = token;
  }

  /**
   * Returns the account id.
   *
   * @return the account id, or null for the token's own account
   */
  public @Nullable String getAccountId() {
    return accountId;
  }

  /**
   * Sets the account id.
   *
   * @param accountId the account id
   */
  public void setAccountId(@Nullable String accountId) {
    this.accountId = accountId;
  }

  /**
   * Returns the per-attempt timeout.
   *
   * @return the timeout, or null for the SDK's default
   */
  public @Nullable Duration getTimeout() {
    return timeout;
  }

  /**
   * Sets the per-attempt timeout.
   *
   * @param timeout the timeout
   */
  public void setTimeout(@Nullable Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Returns the connect timeout.
   *
   * @return the connect timeout, or null for the SDK's default
   */
  public @Nullable Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets the connect timeout.
   *
   * @param connectTimeout the connect timeout
   */
  public void setConnectTimeout(@Nullable Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /**
   * Returns the whole-call timeout.
   *
   * @return the call timeout, or null for none
   */
  public @Nullable Duration getCallTimeout() {
    return callTimeout;
  }

  /**
   * Sets the whole-call timeout.
   *
   * @param callTimeout the call timeout
   */
  public void setCallTimeout(@Nullable Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  /**
   * Returns how many times a failed call is retried.
   *
   * @return the retries, or null for the SDK's default
   */
  public @Nullable Integer getMaxRetries() {
    return maxRetries;
  }

  /**
   * Sets how many times a failed call is retried.
   *
   * @param maxRetries the retries
   */
  public void setMaxRetries(@Nullable Integer maxRetries) {
    this.maxRetries = maxRetries;
  }

  /**
   * Returns the log level.
   *
   * @return the log level, or null for the SDK's default
   */
  public @Nullable LogLevel getLogLevel() {
    return logLevel;
  }

  /**
   * Sets the log level.
   *
   * @param logLevel the log level
   */
  public void setLogLevel(@Nullable LogLevel logLevel) {
    this.logLevel = logLevel;
  }

  /**
   * Returns the transport the client sends with.
   *
   * @return the transport, or null to choose by the class path
   */
  public @Nullable TransportKind getTransport() {
    return transport;
  }

  /**
   * Sets the transport the client sends with.
   *
   * @param transport the transport
   */
  public void setTransport(@Nullable TransportKind transport) {
    this.transport = transport;
  }

  /** The transports {@code apikeys.transport} can name. */
  public enum TransportKind {
    /** The JDK's {@code java.net.http} client, the SDK's default. */
    JDK,
    /** Apache HttpClient 5, from {@code apikeys-transport-apache5}. */
    APACHE
  }

  /**
   * Returns the health indicator's settings.
   *
   * @return the health settings
   */
  public Health getHealth() {
    return health;
  }

  /** The {@code apikeys.health.*} properties. */
  public static class Health {

    /**
     * Whether to add the "apiKeys" health indicator, which lists one key of the account. Needs
     * spring-boot-health (the actuator).
     */
    private boolean enabled;

    /** Creates the settings: the indicator off. */
    public Health() {
    }

    /**
     * Returns whether the health indicator is on.
     *
     * @return whether it is on; false by default
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Turns the health indicator on or off.
     *
     * @param enabled whether it is on
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
