package dev.apikeys.reliability;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.transport.apache5.ApacheTransport;
import java.time.Duration;

/**
 * The transports a client can run on, each set on a builder the way a user sets it: the JDK's
 * {@code java.net.http} client the SDK makes (the default) and Apache HttpClient 5
 * ({@code transport(ApacheTransport...)}). Tests that hold for every transport take this as a
 * parameter.
 */
enum TransportKind {

  /** The SDK's own JDK client. */
  JDK {
    @Override
    ApiKeysClient.Builder on(ApiKeysClient.Builder builder, Duration connectTimeout) {
      return builder.connectTimeout(connectTimeout);
    }
  },

  /** {@code apikeys-transport-apache5}. */
  APACHE {
    @Override
    ApiKeysClient.Builder on(ApiKeysClient.Builder builder, Duration connectTimeout) {
      return builder.transport(ApacheTransport.builder().connectTimeout(connectTimeout).build());
    }
  };

  /** The connect timeout every transport is given unless a test sets one. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Puts a client on this transport.
   *
   * @param builder the builder
   * @param connectTimeout how long opening a connection may take
   * @return the builder
   */
  abstract ApiKeysClient.Builder on(ApiKeysClient.Builder builder, Duration connectTimeout);

  /**
   * Puts a client on this transport, with the default connect timeout.
   *
   * @param builder the builder
   * @return the builder
   */
  ApiKeysClient.Builder on(ApiKeysClient.Builder builder) {
    return on(builder, CONNECT_TIMEOUT);
  }
}
