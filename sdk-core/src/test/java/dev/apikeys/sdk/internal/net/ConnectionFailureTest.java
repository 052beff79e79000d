package dev.apikeys.sdk.internal.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.Test;

/**
 * The classifier reads other transports' exceptions as it reads the JDK client's (which
 * {@code NetworkFailureTest} covers through the public API): these are the shapes Apache
 * HttpClient 5 throws on the JDK, built here because sdk-core does not depend on it.
 */
class ConnectionFailureTest {

  /** Apache's own: a {@link ConnectException} that names the route. */
  static final class HttpHostConnectException extends ConnectException {
    HttpHostConnectException(String message, Throwable cause) {
      super(message);
      initCause(cause);
    }
  }

  /** Apache's {@code org.apache.hc.client5.http.ConnectTimeoutException}. */
  static final class ConnectTimeoutException extends InterruptedIOException {
    ConnectTimeoutException(String message, Throwable cause) {
      super(message);
      initCause(cause);
    }
  }

  /** The JDK's {@code sun.security.validator.ValidatorException}, which is not API. */
  static final class ValidatorException extends GeneralSecurityException {
    ValidatorException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Test
  void apacheRefusedConnection() {
    IOException error = new HttpHostConnectException("Connect to http://localhost:54321"
        + " [localhost/127.0.0.1] failed: Connection refused",
        new ConnectException("Connection refused"));

    assertEquals(Optional.of(ConnectionFailure.CONNECTION_REFUSED), ConnectionFailure.of(error));
    assertTrue(ConnectionFailure.isRetryable(error));
    assertEquals("connection refused (nothing listens on that port, or a firewall rejects it)",
        ConnectionFailure.CONNECTION_REFUSED.describe(error));
  }

  @Test
  void apacheUnknownHost() {
    IOException error = new UnknownHostException("apikeys.invalid: Name or service not known");

    assertEquals(Optional.of(ConnectionFailure.UNKNOWN_HOST), ConnectionFailure.of(error));
    assertFalse(ConnectionFailure.isRetryable(error));
  }

  @Test
  void apacheConnectTimeout() {
    IOException error = new ConnectTimeoutException("Connect to http://10.0.0.1:80"
        + " [/10.0.0.1] failed: Connect timed out",
        new SocketTimeoutException("Connect timed out"));

    assertEquals(Optional.of(ConnectionFailure.CONNECT_TIMED_OUT), ConnectionFailure.of(error));
    assertTrue(ConnectionFailure.isRetryable(error));
  }

  @Test
  void plainSocketConnectTimeout() {
    IOException error = new SocketTimeoutException("Connect timed out");

    assertEquals(Optional.of(ConnectionFailure.CONNECT_TIMED_OUT), ConnectionFailure.of(error));
  }

  @Test
  void untrustedChainGivesTheDeepestReason() {
    IOException error = new SSLHandshakeException("PKIX path building failed:"
        + " sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid"
        + " certification path to requested target");
    error.initCause(new ValidatorException("PKIX path building failed",
        new CertPathBuilderException("unable to find valid certification path to requested"
            + " target")));

    assertEquals(Optional.of(ConnectionFailure.CERTIFICATE_NOT_TRUSTED),
        ConnectionFailure.of(error));
    assertFalse(ConnectionFailure.isRetryable(error));
    assertEquals("certificate not trusted (unable to find valid certification path to requested"
        + " target): trust the server's certificate or its CA in the trust store the client"
        + " uses: the JDK's (javax.net.ssl.trustStore), or the SSLContext of your own"
        + " HttpClient or of the transport",
        ConnectionFailure.CERTIFICATE_NOT_TRUSTED.describe(error));
  }

  @Test
  void apacheHostNameMismatchIsACertificateProblem() {
    IOException error = new SSLPeerUnverifiedException("Certificate for <api.example.com>"
        + " doesn't match any of the subject alternative names: [localhost]");

    assertEquals(Optional.of(ConnectionFailure.CERTIFICATE_NOT_TRUSTED),
        ConnectionFailure.of(error));
    assertEquals("certificate not trusted (Certificate for <api.example.com> doesn't match any"
        + " of the subject alternative names: [localhost]): trust the server's certificate or"
        + " its CA in the trust store the client uses: the JDK's (javax.net.ssl.trustStore),"
        + " or the SSLContext of your own HttpClient or of the transport",
        ConnectionFailure.CERTIFICATE_NOT_TRUSTED.describe(error));
  }

  @Test
  void plaintextAnswerInEitherJdkWording() {
    for (String message : new String[] {"Unrecognized SSL message, plaintext connection?",
        "Unsupported or unrecognized SSL message"}) {
      IOException error = new SSLException(message);

      assertEquals(Optional.of(ConnectionFailure.NOT_TLS), ConnectionFailure.of(error), message);
      assertFalse(ConnectionFailure.isRetryable(error));
    }
  }

  @Test
  void protocolDisagreementKeepsTheAlert() {
    IOException error = new SSLHandshakeException("(protocol_version) No appropriate protocol"
        + " (protocol is disabled or cipher suites are inappropriate)");

    assertEquals(Optional.of(ConnectionFailure.TLS_HANDSHAKE_FAILED),
        ConnectionFailure.of(error));
    assertFalse(ConnectionFailure.isRetryable(error));
    assertEquals("TLS handshake failed ((protocol_version) No appropriate protocol (protocol is"
        + " disabled or cipher suites are inappropriate))",
        ConnectionFailure.TLS_HANDSHAKE_FAILED.describe(error));
  }

  @Test
  void handshakeCutOffByTheNetworkIsRetried() {
    IOException error = new SSLHandshakeException("Handshake failed");
    error.initCause(new EOFException("SSL peer shut down incorrectly"));

    assertEquals(Optional.of(ConnectionFailure.HANDSHAKE_CUT_OFF), ConnectionFailure.of(error));
    assertTrue(ConnectionFailure.isRetryable(error));
  }

  @Test
  void handshakeClosedByThePeerInTheJdksWordsIsRetried() {
    for (String message : new String[] {"Remote host terminated the handshake",
        "Remote host closed the channel"}) {
      IOException error = new SSLHandshakeException(message);

      assertEquals(Optional.of(ConnectionFailure.HANDSHAKE_CUT_OFF), ConnectionFailure.of(error),
          message);
      assertTrue(ConnectionFailure.isRetryable(error));
    }
  }

  @Test
  void handshakeResetByTheNetworkIsRetried() {
    IOException error = new SSLHandshakeException("Connection reset");
    error.initCause(new SocketException("Connection reset"));

    assertEquals(Optional.of(ConnectionFailure.HANDSHAKE_CUT_OFF), ConnectionFailure.of(error));
    assertTrue(ConnectionFailure.isRetryable(error));
  }

  @Test
  void otherFailuresAreNotClassifiedAndStayRetryable() {
    for (IOException error : new IOException[] {new IOException("Connection reset"),
        new ConnectException("Network is unreachable"),
        new HttpTimeoutException("request timed out"), new EOFException("EOF reached")}) {
      assertEquals(Optional.empty(), ConnectionFailure.of(error), error.toString());
      assertTrue(ConnectionFailure.isRetryable(error), error.toString());
    }
  }
}
