package dev.apikeys.transport.apache5;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.reactor.ssl.TransportSecurityLayer;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * HttpClient's TLS, for both clients, made with the first {@code https://} connection rather
 * than with the transport: the JVM's default {@link SSLContext} reads the trust store and
 * loads the JSSE provider, a good part of a new JVM's first call, which a client that talks to
 * a plain {@code http://} endpoint (a sidecar, a local gateway, a test server) never needs.
 */
final class DeferredTls implements TlsStrategy, TlsSocketStrategy {

  /** The context set on the builder, or null for the JVM's default. */
  private final @Nullable SSLContext configured;
  private volatile @Nullable DefaultClientTlsStrategy strategy;

  DeferredTls(@Nullable SSLContext configured) {
    this.configured = configured;
  }

  @Override
  public SSLSocket upgrade(Socket socket, String target, int port, @Nullable Object attachment,
      HttpContext context) throws IOException {
    return strategy().upgrade(socket, target, port, attachment, context);
  }

  @Override
  public void upgrade(TransportSecurityLayer session, NamedEndpoint endpoint,
      @Nullable Object attachment, Timeout handshakeTimeout,
      @Nullable FutureCallback<TransportSecurityLayer> callback) {
    DefaultClientTlsStrategy made;
    try {
      made = strategy();
    } catch (SSLException e) {
      if (callback != null) {
        callback.failed(e);
      }
      return;
    }
    made.upgrade(session, endpoint, attachment, handshakeTimeout, callback);
  }

  /** HttpClient's older entry point, which it no longer calls; kept as the interface has it. */
  @Override
  @SuppressWarnings("deprecation")
  public boolean upgrade(TransportSecurityLayer session, HttpHost host,
      @Nullable SocketAddress localAddress, SocketAddress remoteAddress,
      @Nullable Object attachment, Timeout handshakeTimeout) {
    try {
      return strategy().upgrade(session, host, localAddress, remoteAddress, attachment,
          handshakeTimeout);
    } catch (SSLException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private DefaultClientTlsStrategy strategy() throws SSLException {
    DefaultClientTlsStrategy made = strategy;
    if (made == null) {
      synchronized (this) {
        made = strategy;
        if (made == null) {
          made = new DefaultClientTlsStrategy(context());
          strategy = made;
        }
      }
    }
    return made;
  }

  private SSLContext context() throws SSLException {
    if (configured != null) {
      return configured;
    }
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new SSLException("the JVM has no default SSLContext; set one with"
          + " ApacheTransport.Builder.sslContext(...)", e);
    }
  }
}
