package dev.apikeys.sdk.internal.transport;

import dev.apikeys.sdk.ProxyOptions;
import dev.apikeys.sdk.internal.call.CallEngine;
import dev.apikeys.sdk.internal.timer.SdkTimer;
import dev.apikeys.sdk.transport.Transport;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Transport} a client and the clients derived from it share, counted so that it is
 * closed when the last of them is closed: the SDK's own JDK transport, the JDK transport over an
 * {@link HttpClient} the user gave (whose client the SDK never shuts down), or a transport the
 * user gave to {@code transport(...)}, which the SDK owns from then on.
 */
public final class SharedTransport {

  private final Transport transport;
  private final @Nullable Transport givenTransport;
  private final @Nullable HttpClient givenClient;
  private final AtomicInteger users = new AtomicInteger();

  private SharedTransport(Transport transport, @Nullable Transport givenTransport,
      @Nullable HttpClient givenClient) {
    this.transport = transport;
    this.givenTransport = givenTransport;
    this.givenClient = givenClient;
  }

  /**
   * Returns the JDK transport over a JDK client.
   *
   * @param http the client, SDK-made or given
   * @return the shared transport
   */
  public static SharedTransport jdk(SharedHttpClient http) {
    return new SharedTransport(new JdkTransport(http, SdkTimer.shared()), null,
        http.owned() ? null : http.client());
  }

  /**
   * Returns a transport the user gave.
   *
   * @param transport the transport
   * @return the shared transport, which closes it after its last user
   */
  public static SharedTransport given(Transport transport) {
    return new SharedTransport(transport, transport, null);
  }

  /**
   * Returns the transport that moves the bytes.
   *
   * @return the transport
   */
  public Transport transport() {
    return transport;
  }

  /**
   * Returns the proxy the transport sends through.
   *
   * @return the proxy, or null when it connects directly or keeps its proxy to itself (a JDK
   *     client the user gave)
   */
  public @Nullable ProxyOptions proxy() {
    return transport.proxy().orElse(null);
  }

  /**
   * Returns whether the SDK sends the proxy's credentials itself: on its own JDK client, whose
   * transport sends none.
   *
   * @return true for the SDK's own JDK client
   */
  public boolean sdkSendsProxyCredentials() {
    return givenTransport == null;
  }

  /**
   * Returns the transport the user gave to {@code transport(...)}.
   *
   * @return the transport, or null when the client sends with the JDK
   */
  public @Nullable Transport givenTransport() {
    return givenTransport;
  }

  /**
   * Returns the JDK client the user gave to {@code httpClient(...)}.
   *
   * @return the client, or null when the SDK made it or a transport was given
   */
  public @Nullable HttpClient givenClient() {
    return givenClient;
  }

  /**
   * Counts one more user.
   *
   * @return false when the transport was already closed, so a new one is needed
   */
  public boolean retain() {
    while (true) {
      int count = users.get();
      if (count < 0) {
        return false;
      }
      if (users.compareAndSet(count, count + 1)) {
        return true;
      }
    }
  }

  /** Counts one user less; the last one closes the transport. */
  public void release() {
    if (users.decrementAndGet() == 0 && users.compareAndSet(0, -1)) {
      try {
        transport.close();
      } catch (RuntimeException e) {
        System.getLogger(CallEngine.LOGGER_NAME).log(Level.WARNING,
            "closing the transport " + transport.getClass().getName() + " failed", e);
      }
    }
  }
}
