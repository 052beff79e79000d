package dev.apikeys.sdk.internal.transport;

import dev.apikeys.sdk.ProxyOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * The {@link ProxySelector} of a client the SDK makes: the one proxy for every request, except
 * to the hosts that {@link ProxyOptions#appliesTo(URI)} leaves out. The proxy's name is resolved
 * when a connection is opened, not when the client is built.
 */
final class ProxySelection extends ProxySelector {

  private final ProxyOptions proxy;
  private final List<Proxy> through;

  ProxySelection(ProxyOptions proxy) {
    this.proxy = proxy;
    this.through = List.of(new Proxy(Proxy.Type.HTTP,
        InetSocketAddress.createUnresolved(unbracketed(proxy.host()), proxy.port())));
  }

  @Override
  public List<Proxy> select(URI uri) {
    return proxy.appliesTo(uri) ? through : List.of(Proxy.NO_PROXY);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException failure) {
    // Nothing to fall back to: the failure reaches the call, which names the proxy.
  }

  private static String unbracketed(String host) {
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }
}
