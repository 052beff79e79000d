package dev.apikeys.transport.apache5;

import dev.apikeys.sdk.ProxyOptions;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.jspecify.annotations.Nullable;

/**
 * Routes a request through the proxy unless its host is one of the proxy's non-proxy hosts.
 * Apache then sends plain {@code http://} requests to the proxy in absolute form and tunnels
 * {@code https://} ones with {@code CONNECT}.
 */
final class ProxyRoutePlanner extends DefaultRoutePlanner {

  private final ProxyOptions proxy;
  private final HttpHost proxyHost;

  ProxyRoutePlanner(ProxyOptions proxy) {
    super(DefaultSchemePortResolver.INSTANCE);
    this.proxy = proxy;
    this.proxyHost = proxyHost(proxy);
  }

  static HttpHost proxyHost(ProxyOptions proxy) {
    return new HttpHost("http", proxy.host(), proxy.port());
  }

  @Override
  protected @Nullable HttpHost determineProxy(HttpHost target, HttpContext context) {
    URI uri;
    try {
      uri = new URI(target.getSchemeName(), null, target.getHostName(), target.getPort(), null,
          null, null);
    } catch (URISyntaxException e) {
      return proxyHost;
    }
    return proxy.appliesTo(uri) ? proxyHost : null;
  }
}
