package dev.apikeys.sdk.internal.transport;

import java.io.InputStream;
import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * An {@link SSLContext} that trusts WireMock's self-signed certificate (from the keystore in its
 * jar) and nothing else. The certificate names no host, so the host name is not checked; the
 * chain still is.
 */
final class WireMockTls {

  private WireMockTls() {
  }

  static SSLContext trustingWireMock() throws Exception {
    KeyStore keyStore = KeyStore.getInstance("JKS");
    try (InputStream in = WireMockTls.class.getClassLoader().getResourceAsStream("keystore")) {
      keyStore.load(in, "password".toCharArray());
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(keyStore);
    X509TrustManager pinned = (X509TrustManager) factory.getTrustManagers()[0];
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new ChainOnly(pinned)}, null);
    return context;
  }

  /** Checks the server's chain against the pinned certificate, not its host name. */
  private static final class ChainOnly extends X509ExtendedTrustManager {
    private final X509TrustManager pinned;

    ChainOnly(X509TrustManager pinned) {
      this.pinned = pinned;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      pinned.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      pinned.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      pinned.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("no client certificates here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("no client certificates here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("no client certificates here");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return pinned.getAcceptedIssuers();
    }
  }

  /** Runs {@code action} with {@code context} as the JVM's default, then restores the old one. */
  static <T> T withDefault(SSLContext context, ThrowingSupplier<T> action) throws Exception {
    SSLContext previous = SSLContext.getDefault();
    SSLContext.setDefault(context);
    try {
      return action.get();
    } finally {
      SSLContext.setDefault(previous);
    }
  }

  /** A supplier that may throw. */
  @FunctionalInterface
  interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
