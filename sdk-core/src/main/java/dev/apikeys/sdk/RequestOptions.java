package dev.apikeys.sdk;

import dev.apikeys.sdk.interceptors.Interceptor;
import dev.apikeys.sdk.internal.checks.Arguments;
import dev.apikeys.sdk.internal.checks.HeaderValues;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Settings for one call that override the client's: timeouts, retries, extra headers, the
 * idempotency key and the account. Immutable and thread-safe; every field is optional.
 *
 * <pre>{@code
 * client.apiKeys().retrieve("key_1", RequestOptions.builder()
 *     .accountId("acct_2")
 *     .timeout(Duration.ofSeconds(5))
 *     .maxRetries(0)
 *     .build());
 * }</pre>
 */
public final class RequestOptions {

  /** The longest {@code Idempotency-Key} the API accepts. */
  public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

  private static final RequestOptions NONE = builder().build();

  private final @Nullable Duration timeout;
  private final @Nullable Duration callTimeout;
  private final @Nullable Integer maxRetries;
  private final Map<String, String> headers;
  private final @Nullable String idempotencyKey;
  private final @Nullable String accountId;
  private final List<Interceptor> interceptors;

  private RequestOptions(Builder builder) {
    this.timeout = builder.timeout;
    this.callTimeout = builder.callTimeout;
    this.maxRetries = builder.maxRetries;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
    this.idempotencyKey = builder.idempotencyKey;
    this.accountId = builder.accountId;
    this.interceptors = List.copyOf(builder.interceptors);
  }

  /**
   * Returns options that override nothing.
   *
   * @return options that override nothing
   */
  public static RequestOptions none() {
    return NONE;
  }

  /**
   * Returns an empty builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding these options.
   *
   * @return a builder holding these options
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns the per-attempt timeout, if overridden.
   *
   * @return the per-attempt timeout, if overridden
   */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Returns the deadline of the whole call, attempts and waits included, if set.
   *
   * @return the deadline of the whole call, attempts and waits included, if set
   */
  public Optional<Duration> callTimeout() {
    return Optional.ofNullable(callTimeout);
  }

  /**
   * Returns how many retries are allowed, if overridden.
   *
   * @return how many retries are allowed, if overridden
   */
  public Optional<Integer> maxRetries() {
    return Optional.ofNullable(maxRetries);
  }

  /**
   * Returns the extra headers, in the order they were added.
   *
   * @return the extra headers, in the order they were added
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * Returns the idempotency key of a create, if given; otherwise the SDK makes one.
   *
   * @return the idempotency key of a create, if given; otherwise the SDK makes one
   */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /**
   * Returns the account ({@code x-account-id}), if overridden.
   *
   * @return the account ({@code x-account-id}), if overridden
   */
  public Optional<String> accountId() {
    return Optional.ofNullable(accountId);
  }

  /**
   * Returns the interceptors of this call alone, which run inside the client's.
   *
   * @return the interceptors of this call, in the order they were added
   */
  public List<Interceptor> interceptors() {
    return interceptors;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof RequestOptions)) {
      return false;
    }
    RequestOptions that = (RequestOptions) other;
    return Objects.equals(timeout, that.timeout) && Objects.equals(callTimeout, that.callTimeout)
        && Objects.equals(maxRetries, that.maxRetries) && headers.equals(that.headers)
        && Objects.equals(idempotencyKey, that.idempotencyKey)
        && Objects.equals(accountId, that.accountId) && interceptors.equals(that.interceptors);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, callTimeout, maxRetries, headers, idempotencyKey, accountId,
        interceptors);
  }

  /** Shows the options; header values are left out, since they may be secret. */
  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", callTimeout=" + callTimeout
        + ", maxRetries=" + maxRetries + ", headers=" + headers.keySet()
        + ", idempotencyKey=" + idempotencyKey + ", accountId=" + accountId
        + ", interceptors=" + interceptors.size() + '}';
  }

  /** Builds {@link RequestOptions}. Not thread-safe. */
  public static final class Builder {
    private @Nullable Duration timeout;
    private @Nullable Duration callTimeout;
    private @Nullable Integer maxRetries;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable String idempotencyKey;
    private @Nullable String accountId;
    private final List<Interceptor> interceptors = new ArrayList<>();

    private Builder() {
    }

    private Builder(RequestOptions options) {
      this.timeout = options.timeout;
      this.callTimeout = options.callTimeout;
      this.maxRetries = options.maxRetries;
      this.headers.putAll(options.headers);
      this.idempotencyKey = options.idempotencyKey;
      this.accountId = options.accountId;
      this.interceptors.addAll(options.interceptors);
    }

    /**
     * Sets how long one attempt may take, from sending to the whole response, body included.
     *
     * @param timeout positive, at most a day
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Arguments.requirePositive(timeout, "timeout");
      return this;
    }

    /**
     * Sets how long the whole call may take, every attempt and wait included.
     *
     * @param callTimeout positive, at most a day
     * @return this builder
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = Arguments.requirePositive(callTimeout, "callTimeout");
      return this;
    }

    /**
     * Sets how many times a failed attempt may be retried; 0 disables retries.
     *
     * @param maxRetries from 0 to 100
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = RetryPolicy.builder().maxRetries(maxRetries).build().maxRetries();
      return this;
    }

    /**
     * Adds a header sent on every attempt of the call; it replaces the client's header of the
     * same name, in any case.
     *
     * @param name an HTTP token, not one the SDK sets (Authorization, x-account-id, ...)
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
     * Sets the {@code Idempotency-Key} of a create; the same key is sent on every retry.
     *
     * @param idempotencyKey non-blank, at most 255 characters, no CR or LF
     * @return this builder
     */
    public Builder idempotencyKey(String idempotencyKey) {
      Arguments.requireNonBlank(HeaderValues.requireValid(idempotencyKey, "idempotencyKey"),
          "idempotencyKey");
      if (idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH) {
        throw new IllegalArgumentException("idempotencyKey must have at most "
            + MAX_IDEMPOTENCY_KEY_LENGTH + " characters, had " + idempotencyKey.length());
      }
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /**
     * Sets the account of the call ({@code x-account-id}).
     *
     * @param accountId non-blank, no CR or LF
     * @return this builder
     */
    public Builder accountId(String accountId) {
      this.accountId = Arguments.requireNonBlank(
          HeaderValues.requireValid(accountId, "accountId"), "accountId");
      return this;
    }

    /**
     * Adds an interceptor for this call alone; it runs inside the client's interceptors.
     *
     * @param interceptor the interceptor
     * @return this builder
     */
    public Builder addInterceptor(Interceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor must not be null"));
      return this;
    }

    /**
     * Returns the options.
     *
     * @return the options
     */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
