package dev.apikeys.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway self-signed certificate for 127.0.0.1, made with openssl for one test run, and
 * the TLS settings of a client that trusts it (and nothing else).
 */
final class SelfSignedCertificate {

  /** Where openssl is. */
  static final Path OPENSSL = Path.of("/usr/bin/openssl");

  private final Path certificate;
  private final Path privateKey;

  private SelfSignedCertificate(Path certificate, Path privateKey) {
    this.certificate = certificate;
    this.privateKey = privateKey;
  }

  /**
   * Makes a new certificate and key for 127.0.0.1 and localhost, valid for a day.
   *
   * @param folder where to write {@code cert.pem} and {@code key.pem}
   * @return the certificate
   */
  static SelfSignedCertificate create(Path folder) {
    Prerequisites.requireExecutable(OPENSSL, "openssl");
    Path certificate = ServerProcess.createParents(folder.resolve("cert.pem"));
    Path privateKey = folder.resolve("key.pem");
    Path log = folder.resolve("openssl.log");
    List<String> command = List.of(OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048",
        "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
        "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "-keyout", privateKey.toString(), "-out", certificate.toString());
    try {
      Process openssl = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!openssl.waitFor(60, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
        openssl.destroyForcibly();
        throw new IllegalStateException("openssl failed; see " + log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while making a certificate", e);
    }
    return new SelfSignedCertificate(certificate, privateKey);
  }

  /**
   * Returns the certificate, PEM.
   *
   * @return the certificate, PEM
   */
  Path certificate() {
    return certificate;
  }

  /**
   * Returns the private key, PEM, unencrypted.
   *
   * @return the private key, PEM, unencrypted
   */
  Path privateKey() {
    return privateKey;
  }

  /**
   * Returns a JDK client that trusts this certificate only, offering HTTP/2 through ALPN.
   *
   * @return a JDK client that trusts this certificate only, offering HTTP/2 through ALPN
   */
  HttpClient httpClient() {
    return HttpClient.newBuilder().sslContext(sslContext()).build();
  }

  /**
   * Returns a TLS context that trusts this certificate only.
   *
   * @return a TLS context that trusts this certificate only
   */
  SSLContext sslContext() {
    try (InputStream pem = Files.newInputStream(certificate)) {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      trusted.setCertificateEntry("interop",
          CertificateFactory.getInstance("X.509").generateCertificate(pem));
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust " + certificate, e);
    }
  }
}
