package dev.apikeys.interop;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.transport.apache5.ApacheTransport;
import java.net.http.HttpClient;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * The transport the suite's clients run on, chosen per run by the system property
 * {@code interop.transport} ({@code jdk}, the default, or {@code apache}): the build runs the
 * suite once on each (see this module's pom). Each server's {@code clientBuilder()} puts its
 * clients on it the way a user would.
 */
enum InteropTransport {

  /** The JDK's {@code java.net.http} client: the SDK's own, or one trusting a test certificate. */
  JDK,

  /** {@code apikeys-transport-apache5}. */
  APACHE;

  /**
   * Returns the transport of this run.
   *
   * @return the transport of this run
   */
  static InteropTransport current() {
    return valueOf(System.getProperty("interop.transport", "jdk").toUpperCase(Locale.ROOT));
  }

  /**
   * Puts a client of a plain {@code http://} server on this transport.
   *
   * @param builder the builder
   * @return the builder
   */
  ApiKeysClient.Builder on(ApiKeysClient.Builder builder) {
    return this == JDK ? builder : builder.transport(ApacheTransport.create());
  }

  /**
   * Puts a client of a TLS server on this transport, trusting the server's certificate.
   *
   * @param builder the builder
   * @param trust what the client trusts
   * @param jdkClient the JDK client with that trust, for the JDK transport
   * @return the builder
   */
  ApiKeysClient.Builder on(ApiKeysClient.Builder builder, SSLContext trust,
      HttpClient jdkClient) {
    return this == JDK ? builder.httpClient(jdkClient)
        : builder.transport(ApacheTransport.builder().sslContext(trust).build());
  }

  /**
   * Returns the protocol of blocking calls to a TLS server that offers HTTP/2 by ALPN: the
   * JDK's client negotiates it; Apache's classic client, which serves blocking calls, speaks
   * HTTP/1.1 (its async client negotiates HTTP/2).
   *
   * @return {@code HTTP/2} or {@code HTTP/1.1}
   */
  String blockingProtocolOverTls() {
    return this == JDK ? "HTTP/2" : "HTTP/1.1";
  }
}
