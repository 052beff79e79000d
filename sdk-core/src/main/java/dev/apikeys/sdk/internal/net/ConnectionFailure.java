package dev.apikeys.sdk.internal.net;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;

/**
 * Why no connection to the server could be made, read from a transport's exception by its JDK
 * types and cause chain, never by one client library's classes: the JDK's {@code HttpClient},
 * Apache HttpClient 5 ({@code HttpHostConnectException} is a {@link ConnectException}, its
 * {@code ConnectTimeoutException} an {@link InterruptedIOException}) and others read the same.
 * The one place that tells what such a failure means to a user, and whether a retry can help.
 */
public enum ConnectionFailure {

  /** The host name does not resolve. */
  UNKNOWN_HOST(false, "unknown host (the name does not resolve: check the host name and the"
      + " DNS)"),

  /** Nothing accepted the connection. */
  CONNECTION_REFUSED(true, "connection refused (nothing listens on that port, or a firewall"
      + " rejects it)"),

  /** The host did not answer the connection request in time. */
  CONNECT_TIMED_OUT(true, "connect timed out (the host did not answer: it is down or"
      + " unreachable, or a firewall drops the connection)"),

  /** The server's certificate chain or name did not pass the client's checks. */
  CERTIFICATE_NOT_TRUSTED(false, "certificate not trusted"),

  /** An https:// call reached a server that answered in plain HTTP, or not at all in TLS. */
  NOT_TLS(false, "the server does not speak TLS (https:// to a plain HTTP port? use http://,"
      + " or the port that serves TLS)"),

  /**
   * The connection closed or reset during the TLS handshake: a network failure (the server may
   * be restarting) that a retry may get past, not a disagreement about TLS.
   */
  HANDSHAKE_CUT_OFF(true, "the connection closed during the TLS handshake (the server may be"
      + " restarting or overloaded, or it drops this client's TLS offer)"),

  /** Client and server could not agree on TLS: no common protocol or cipher, and the like. */
  TLS_HANDSHAKE_FAILED(false, "TLS handshake failed");

  private static final int MAX_CHAIN = 16;
  private static final Pattern ALERT_FIRST = Pattern.compile("\\(([a-z_]+)\\) (.+)");

  private final boolean retryable;
  private final String summary;

  ConnectionFailure(boolean retryable, String summary) {
    this.retryable = retryable;
    this.summary = summary;
  }

  /**
   * Reads why a connection failed.
   *
   * @param error what a transport threw, unwrapped from its future
   * @return the failure, or empty when the error is not one of these (a reset, a timeout of the
   *     exchange, an end of stream, ...)
   */
  public static Optional<ConnectionFailure> of(Throwable error) {
    List<Throwable> chain = chain(error);
    if (has(chain, UnknownHostException.class) || has(chain, UnresolvedAddressException.class)) {
      return Optional.of(UNKNOWN_HOST);
    }
    if (chain.stream().anyMatch(ConnectionFailure::isConnectTimeout)) {
      return Optional.of(CONNECT_TIMED_OUT);
    }
    if (has(chain, SSLException.class)) {
      return tlsFailure(chain);
    }
    if (has(chain, ConnectException.class)
        && chain.stream().noneMatch(ConnectionFailure::namesNoRoute)) {
      return Optional.of(CONNECTION_REFUSED);
    }
    return Optional.empty();
  }

  /**
   * Returns whether a retry can help with an I/O failure: a refused or timed-out connection, a
   * handshake cut off, a reset and the like can pass; an unknown host, a certificate or a TLS
   * protocol failure stay as they are.
   *
   * @param error what a transport threw, unwrapped from its future
   * @return false for the failures that no retry can fix
   */
  public static boolean isRetryable(Throwable error) {
    return of(error).map(failure -> failure.retryable).orElse(true);
  }

  /**
   * Says what failed, in words a user can act on, with the JDK's reason where it helps: which
   * check a certificate failed, which alert ended a handshake.
   *
   * @param error the error this failure was read from
   * @return the description, such as {@code connection refused (nothing listens ...)}
   */
  public String describe(Throwable error) {
    List<Throwable> chain = chain(error);
    switch (this) {
      case CERTIFICATE_NOT_TRUSTED:
        return summary + " (" + reason(chain, ConnectionFailure::isCertificateProblem)
            + "): trust the server's certificate or its CA in the trust store the client uses:"
            + " the JDK's (javax.net.ssl.trustStore), or the SSLContext of your own HttpClient or"
            + " of the transport";
      case TLS_HANDSHAKE_FAILED:
        return summary + " (" + reason(chain, SSLException.class::isInstance) + ")";
      default:
        return summary;
    }
  }

  private static Optional<ConnectionFailure> tlsFailure(List<Throwable> chain) {
    if (chain.stream().anyMatch(ConnectionFailure::isCertificateProblem)) {
      return Optional.of(CERTIFICATE_NOT_TRUSTED);
    }
    if (chain.stream().anyMatch(ConnectionFailure::isPlaintextAnswer)) {
      return Optional.of(NOT_TLS);
    }
    int handshake = 0;
    while (handshake < chain.size() && !(chain.get(handshake) instanceof SSLHandshakeException)) {
      handshake++;
    }
    if (handshake == chain.size()) {
      return Optional.empty();
    }
    boolean cutOff = chain.subList(handshake + 1, chain.size()).stream()
        .anyMatch(error -> error instanceof IOException && !(error instanceof SSLException))
        || chain.stream().anyMatch(ConnectionFailure::namesClosedByPeer);
    return Optional.of(cutOff ? HANDSHAKE_CUT_OFF : TLS_HANDSHAKE_FAILED);
  }

  private static boolean isConnectTimeout(Throwable error) {
    if (error instanceof HttpConnectTimeoutException
        || error.getClass().getSimpleName().equals("ConnectTimeoutException")) {
      return true;
    }
    return error instanceof InterruptedIOException
        && lowerCase(error.getMessage()).contains("connect timed out");
  }

  /**
   * The JDK's words when the peer closed the connection without a TLS alert, which keep no
   * cause: "Remote host terminated the handshake", "Remote host closed the channel".
   */
  private static boolean namesClosedByPeer(Throwable error) {
    String message = lowerCase(error.getMessage());
    return message.contains("remote host terminated") || message.contains("remote host closed")
        || message.contains("terminated the handshake");
  }

  /** A connect exception that says "network unreachable" or "no route to host", not refused. */
  private static boolean namesNoRoute(Throwable error) {
    String message = lowerCase(error.getMessage());
    return message.contains("unreachable") || message.contains("no route");
  }

  private static boolean isCertificateProblem(Throwable error) {
    return error instanceof CertificateException || error instanceof CertPathBuilderException
        || error instanceof CertPathValidatorException
        // Apache HttpClient checks the host name itself, after the handshake.
        || error instanceof SSLPeerUnverifiedException
        // sun.security.validator.ValidatorException, the JDK's own, is not API.
        || error instanceof GeneralSecurityException
        && error.getClass().getSimpleName().equals("ValidatorException");
  }

  private static boolean isPlaintextAnswer(Throwable error) {
    String message = lowerCase(error.getMessage());
    // "Unrecognized SSL message, plaintext connection?", "Unsupported or unrecognized SSL
    // message": the JDK's words for bytes that are not TLS.
    return error instanceof SSLException && (message.contains("unrecognized ssl message")
        || message.contains("plaintext connection?"));
  }

  /** The message of the deepest error of the kind, on one line; the class when it has none. */
  private static String reason(List<Throwable> chain, Predicate<Throwable> kind) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      Throwable error = chain.get(i);
      if (kind.test(error) && error.getMessage() != null && !error.getMessage().isBlank()) {
        return withoutRepeatedAlert(error.getMessage().strip().replaceAll("\\s+", " "));
      }
    }
    return chain.get(0).getClass().getName();
  }

  /**
   * Drops the alert's name that newer JDKs put first when the text names it again:
   * {@code (handshake_failure) Received fatal alert: handshake_failure}.
   */
  private static String withoutRepeatedAlert(String reason) {
    Matcher alert = ALERT_FIRST.matcher(reason);
    return alert.matches() && alert.group(2).contains(alert.group(1)) ? alert.group(2) : reason;
  }

  private static boolean has(List<Throwable> chain, Class<?> type) {
    return chain.stream().anyMatch(type::isInstance);
  }

  private static List<Throwable> chain(Throwable error) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable e = error; e != null && chain.size() < MAX_CHAIN && seen.add(e);
        e = e.getCause()) {
      chain.add(e);
    }
    return chain;
  }

  private static String lowerCase(@Nullable String message) {
    return message == null ? "" : message.toLowerCase(Locale.ROOT);
  }
}
