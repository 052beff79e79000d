package dev.apikeys.sdk.internal.net;

import java.net.ConnectException;

/**
 * No connection to the forward proxy a call goes through could be made: for such a call the
 * transport connects to the proxy, never to the API, so its connect failure (refused, unknown
 * host, timed out, kept as the cause) is the proxy's, and the message names the proxy.
 */
public final class ProxyUnreachableException extends ConnectException {

  private static final long serialVersionUID = 1L;

  private final String proxyAddress;

  /**
   * Creates the failure.
   *
   * @param proxyAddress the proxy's host and port, {@code host:port}
   * @param cause the transport's connect failure
   */
  public ProxyUnreachableException(String proxyAddress, Throwable cause) {
    super("cannot connect to the proxy at " + proxyAddress);
    this.proxyAddress = proxyAddress;
    initCause(cause);
  }

  /**
   * Returns the proxy's host and port.
   *
   * @return {@code host:port}
   */
  public String proxyAddress() {
    return proxyAddress;
  }
}
