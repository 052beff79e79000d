package dev.apikeys.transport.apache5;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test server's certificate: {@code localhost.p12}, self-signed for {@code localhost} and
 * 127.0.0.1 (made with keytool, valid for a century), and a context that trusts it alone, so
 * host names are verified as in production.
 */
final class TestTls {

  static final String PASSWORD = "password";

  private TestTls() {
  }

  static String keystorePath() throws Exception {
    return Path.of(TestTls.class.getResource("/localhost.p12").toURI()).toString();
  }

  static SSLContext trustingLocalhost() throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = TestTls.class.getResourceAsStream("/localhost.p12")) {
      keyStore.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
