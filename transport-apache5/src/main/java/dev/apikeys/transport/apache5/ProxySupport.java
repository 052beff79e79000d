package dev.apikeys.transport.apache5;

import dev.apikeys.sdk.ProxyOptions;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpHost;
import org.jspecify.annotations.Nullable;

/**
 * What the transport does for a forward proxy: routes requests through it but to its non-proxy
 * hosts, sends its Basic credentials preemptively (on plain {@code http://} requests and on
 * {@code CONNECT}, so a proxy that answers a wrong password with {@code 401}, as tinyproxy does,
 * is not asked twice), and tells a {@code CONNECT} the proxy refused from the API's answer.
 *
 * <p>HttpClient returns the proxy's refusal of a tunnel as if it were the response: a marker set
 * by a chain element just past {@code CONNECT}, which only a request that went through the
 * tunnel reaches, tells the two apart, and a refusal becomes an {@link IOException} in the words
 * the SDK reads ({@code CONNECT refused by proxy: status 407}).
 */
final class ProxySupport {

  private static final String THROUGH_TUNNEL = "dev.apikeys.apache5.through-tunnel";
  private static final String MARKER = "apikeys-through-tunnel";

  private final ProxyOptions proxy;
  private final HttpHost proxyHost;
  private final @Nullable BasicAuthCache preemptive;

  private ProxySupport(ProxyOptions proxy) {
    this.proxy = proxy;
    this.proxyHost = ProxyRoutePlanner.proxyHost(proxy);
    if (proxy.hasCredentials()) {
      BasicScheme basic = new BasicScheme();
      basic.initPreemptive(credentials(proxy));
      this.preemptive = new BasicAuthCache();
      preemptive.put(proxyHost, basic);
    } else {
      this.preemptive = null;
    }
  }

  /**
   * Returns the proxy support for a transport's settings.
   *
   * @param proxy the proxy, or null
   * @return the support, empty without a proxy
   */
  static Optional<ProxySupport> of(@Nullable ProxyOptions proxy) {
    return Optional.ofNullable(proxy).map(ProxySupport::new);
  }

  void configure(HttpClientBuilder builder) {
    builder.setRoutePlanner(new ProxyRoutePlanner(proxy));
    credentialsProvider().ifPresent(builder::setDefaultCredentialsProvider);
    ExecChainHandler marker = (request, scope, chain) -> {
      scope.clientContext.setAttribute(THROUGH_TUNNEL, Boolean.TRUE);
      return chain.proceed(request, scope);
    };
    builder.addExecInterceptorAfter(ChainElement.CONNECT.name(), MARKER, marker);
  }

  void configure(HttpAsyncClientBuilder builder) {
    builder.setRoutePlanner(new ProxyRoutePlanner(proxy));
    credentialsProvider().ifPresent(builder::setDefaultCredentialsProvider);
    AsyncExecChainHandler marker = (request, entity, scope, chain, callback) -> {
      scope.clientContext.setAttribute(THROUGH_TUNNEL, Boolean.TRUE);
      chain.proceed(request, entity, scope, callback);
    };
    builder.addExecInterceptorAfter(ChainElement.CONNECT.name(), MARKER, marker);
  }

  /**
   * Returns a context for one exchange, with the preemptive credentials.
   *
   * @return the context
   */
  HttpClientContext newContext() {
    HttpClientContext context = HttpClientContext.create();
    if (preemptive != null) {
      context.setAuthCache(preemptive);
    }
    return context;
  }

  /**
   * Fails an exchange whose response is the proxy's refusal of the tunnel.
   *
   * @param context the exchange's context
   * @param uri the request's URI
   * @param status the response's status
   * @throws IOException when the proxy refused the tunnel to {@code uri}
   */
  void requireTunnel(HttpClientContext context, URI uri, int status) throws IOException {
    if ("https".equals(uri.getScheme()) && proxy.appliesTo(uri)
        && context.getAttribute(THROUGH_TUNNEL) == null) {
      throw new IOException("CONNECT refused by proxy: status " + status);
    }
  }

  private Optional<BasicCredentialsProvider> credentialsProvider() {
    if (!proxy.hasCredentials()) {
      return Optional.empty();
    }
    BasicCredentialsProvider provider = new BasicCredentialsProvider();
    provider.setCredentials(new AuthScope(proxyHost), credentials(proxy));
    return Optional.of(provider);
  }

  private static UsernamePasswordCredentials credentials(ProxyOptions proxy) {
    return new UsernamePasswordCredentials(proxy.username().orElseThrow(), proxy.password());
  }
}
