package dev.apikeys.transport.apache5;

import dev.apikeys.sdk.ProxyOptions;
import dev.apikeys.sdk.transport.Transport;
import dev.apikeys.sdk.transport.TransportRequest;
import dev.apikeys.sdk.transport.TransportResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpMessage;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.impl.nio.ProtocolNegotiationException;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} on Apache HttpClient 5: the classic client for the SDK's blocking calls
 * (on the calling thread) and the async client for its async API, which negotiates HTTP/2 by
 * ALPN over TLS and speaks HTTP/1.1, with no upgrade offer, on plain {@code http://}.
 * Connections are pooled; a {@link Builder#proxy(ProxyOptions) proxy} gets Basic credentials
 * for plain requests and for {@code CONNECT} tunnels alike. Thread-safe.
 *
 * <p>HttpClient's own retries, redirects, cookies and content decompression are off: the SDK
 * does each of them once, above the transport. The {@linkplain TransportRequest#timeout()
 * attempt's timeout} bounds the whole exchange, body included, and ends it with
 * {@link HttpTimeoutException}. The async client and its I/O threads start with the first
 * async call.
 *
 * <pre>{@code
 * ApiKeysClient client = ApiKeysClient.builder()
 *     .token("sk-...")
 *     .transport(ApacheTransport.builder()
 *         .maxConnections(32)
 *         .connectTimeout(Duration.ofSeconds(5))
 *         .proxy(ProxyOptions.builder().url("http://proxy.corp.example:3128").build())
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>Given to {@code ApiKeysClient.Builder.transport(...)}, it is closed by the SDK when the last
 * client using it is closed. An interrupt of a blocking call's thread ends the call within
 * 50 ms with {@link InterruptedException} and closes its connection; a call past its timeout,
 * blocking or async, ends the same way within 50 ms of it, or on time for a timeout under 50 ms
 * (HttpClient's classic I/O sees neither, and its async client has no deadline for a whole
 * exchange, so the transport checks the calls in flight every 50 ms).
 */
public final class ApacheTransport implements Transport {

  private final Builder settings;
  private final Optional<ProxySupport> proxySupport;
  private final CloseableHttpClient classic;
  private final ScheduledThreadPoolExecutor deadlines;
  private final Watches watches;
  private final Object asyncLock = new Object();
  private volatile @Nullable CloseableHttpAsyncClient async;
  private volatile boolean closed;

  private ApacheTransport(Builder settings) {
    this.settings = settings;
    this.proxySupport = ProxySupport.of(settings.proxy);
    this.classic = classicClient(settings, proxySupport);
    this.deadlines = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "apikeys-apache5-deadlines");
      thread.setDaemon(true);
      return thread;
    });
    deadlines.setRemoveOnCancelPolicy(true);
    deadlines.setKeepAliveTime(1, TimeUnit.SECONDS);
    deadlines.allowCoreThreadTimeOut(true);
    this.watches = new Watches(deadlines);
  }

  /**
   * Returns a transport with every default: 64 connections, a 10 s connect timeout, the JVM's
   * default {@link SSLContext}, no proxy.
   *
   * @return the transport
   */
  public static ApacheTransport create() {
    return builder().build();
  }

  /**
   * Returns a builder with every default set.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public TransportResponse execute(TransportRequest request)
      throws IOException, InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException("interrupted before " + request.method() + " "
          + request.uri().getRawPath() + " was sent");
    }
    requireOpen();
    HttpUriRequestBase message = new HttpUriRequestBase(request.method(), request.uri());
    message.setConfig(requestConfig(request.timeout()));
    ContentType contentType = copyHeaders(request, message);
    request.body().ifPresent(body -> message.setEntity(new ByteArrayEntity(body, contentType)));
    Watches.Watch watch = watches.start(message::cancel, request.timeout(),
        Thread.currentThread());
    HttpClientContext context = newContext();
    try {
      TransportResponse response = classic.execute(message, context,
          answer -> TransportResponse.of(answer.getCode(), headersOf(answer),
              answer.getEntity() == null ? new byte[0]
                  : EntityUtils.toByteArray(answer.getEntity())));
      requireTunnel(context, request, response.status());
      return response;
    } catch (IOException e) {
      int ended = watch.ended.get();
      if (ended == Watches.Watch.INTERRUPTED || Thread.currentThread().isInterrupted()) {
        Thread.interrupted();
        InterruptedException interrupted = new InterruptedException("interrupted while "
            + request.method() + " " + request.uri().getRawPath() + " waited for the server;"
            + " its connection was closed");
        interrupted.initCause(e);
        throw interrupted;
      }
      throw ended == Watches.Watch.EXPIRED ? timeout(request, e) : failure(request, e);
    } finally {
      watches.end(watch);
    }
  }

  @Override
  public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
    CloseableHttpAsyncClient client = asyncClient();
    SimpleHttpRequest message = SimpleHttpRequest.create(request.method(), request.uri());
    message.setConfig(requestConfig(request.timeout()));
    ContentType contentType = copyHeaders(request, message);
    request.body().ifPresent(body -> message.setBody(body, contentType));
    AsyncExchange exchange = new AsyncExchange(request);
    exchange.start(client.execute(SimpleRequestProducer.create(message),
        SimpleResponseConsumer.create(), exchange.context, exchange));
    return exchange;
  }

  /**
   * One async exchange: the future the SDK waits on, HttpClient's callback, and what the sweep
   * aborts when the exchange runs out of time, in one object. Whichever way it ends (an answer,
   * a failure, the timeout, a cancel by the SDK) it stops being watched; a cancel stops
   * HttpClient's exchange and closes its connection.
   */
  private final class AsyncExchange extends CompletableFuture<TransportResponse>
      implements FutureCallback<SimpleHttpResponse> {
    private final TransportRequest request;
    private final HttpClientContext context = newContext();
    private volatile @Nullable Future<SimpleHttpResponse> exchange;
    private volatile Watches.@Nullable Watch watch;

    AsyncExchange(TransportRequest request) {
      this.request = request;
    }

    void start(Future<SimpleHttpResponse> started) {
      exchange = started;
      watch = watches.start(this::expire, request.timeout(), null);
      if (isDone()) {
        ended();
      }
    }

    @Override
    public void completed(SimpleHttpResponse response) {
      try {
        requireTunnel(context, request, response.getCode());
        byte[] body = response.getBodyBytes();
        complete(TransportResponse.of(response.getCode(), headersOf(response),
            body == null ? new byte[0] : body));
      } catch (IOException refused) {
        completeExceptionally(refused);
      }
      ended();
    }

    @Override
    public void failed(Exception error) {
      completeExceptionally(failure(request, error));
      ended();
    }

    @Override
    public void cancelled() {
      cancel(false);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      ended();
      return cancelled;
    }

    /** Ends the exchange with a timeout; run by the sweep. */
    private void expire() {
      if (completeExceptionally(timeout(request, null))) {
        abandon();
      }
      ended();
    }

    private void ended() {
      Watches.Watch watched = watch;
      if (watched != null) {
        watches.end(watched);
      }
      if (isCancelled()) {
        abandon();
      }
    }

    private void abandon() {
      Future<SimpleHttpResponse> started = exchange;
      if (started != null) {
        started.cancel(true);
      }
      AbandonedExchanges.close(context);
    }
  }

  /**
   * Returns the proxy set on the builder, so that the SDK names it in the proxy's refusals
   * and when it cannot be reached; this transport sends its credentials.
   */
  @Override
  public Optional<ProxyOptions> proxy() {
    return Optional.ofNullable(settings.proxy);
  }

  /**
   * Returns a new transport with this one's settings that sends through {@code proxy}: what
   * {@code ApiKeysClient.Builder.proxy(...)} does to a transport given to
   * {@code transport(...)}. This one stays open; the SDK closes it if no client uses it.
   *
   * @throws IllegalStateException if this transport already has a proxy of its own
   */
  @Override
  public ApacheTransport withProxy(ProxyOptions proxy) {
    Objects.requireNonNull(proxy, "proxy must not be null");
    if (settings.proxy != null) {
      throw new IllegalStateException("this ApacheTransport already sends through the proxy at "
          + settings.proxy.host() + ":" + settings.proxy.port() + "; set one proxy, on the"
          + " transport or with ApiKeysClient.Builder.proxy(...)");
    }
    return settings.toBuilder().proxy(proxy).build();
  }

  /** Closes both clients and their pools; exchanges in flight fail. */
  @Override
  public void close() {
    CloseableHttpAsyncClient started;
    synchronized (asyncLock) {
      if (closed) {
        return;
      }
      closed = true;
      started = async;
    }
    classic.close(CloseMode.GRACEFUL);
    if (started != null) {
      started.close(CloseMode.GRACEFUL);
    }
    deadlines.shutdownNow();
  }

  /** Shows the settings; never the proxy's password. */
  @Override
  public String toString() {
    return "ApacheTransport{maxConnections=" + settings.maxConnections + ", connectTimeout="
        + settings.connectTimeout + ", proxy=" + settings.proxy + ", closed=" + closed + '}';
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("this ApacheTransport is closed");
    }
  }

  private CloseableHttpAsyncClient asyncClient() {
    CloseableHttpAsyncClient client = async;
    if (client != null) {
      return client;
    }
    synchronized (asyncLock) {
      requireOpen();
      if (async == null) {
        CloseableHttpAsyncClient made = asyncClient(settings, proxySupport);
        made.start();
        async = made;
      }
      return async;
    }
  }

  private HttpClientContext newContext() {
    return proxySupport.map(ProxySupport::newContext).orElseGet(HttpClientContext::create);
  }

  private void requireTunnel(HttpClientContext context, TransportRequest request, int status)
      throws IOException {
    if (proxySupport.isPresent()) {
      proxySupport.get().requireTunnel(context, request.uri(), status);
    }
  }

  /**
   * What HttpClient's failure becomes: a connect timeout stays one (HttpClient's
   * {@code ConnectTimeoutException} is a {@link SocketTimeoutException}, which otherwise means
   * the response took too long); the async client's protocol negotiation that ends because the
   * server closed the connection during the TLS handshake reads as the handshake cut off, as
   * the classic client and the JDK say it.
   */
  private static Exception failure(TransportRequest request, Exception error) {
    if (error instanceof ConnectTimeoutException) {
      return error;
    }
    if (error instanceof SocketTimeoutException) {
      return timeout(request, error);
    }
    if (error instanceof ProtocolNegotiationException
        && "https".equals(request.uri().getScheme())) {
      SSLHandshakeException cutOff = new SSLHandshakeException("the connection ended during"
          + " the TLS handshake (" + error.getMessage() + ")");
      cutOff.initCause(error);
      return cutOff;
    }
    if (error instanceof HttpException) {
      // What the classic client throws for the same answer: a response that is not HTTP is an
      // I/O failure of the exchange, retried as the JDK transport's is.
      return new ClientProtocolException(error.getMessage(), error);
    }
    return error;
  }

  private static IOException failure(TransportRequest request, IOException error) {
    return (IOException) failure(request, (Exception) error);
  }

  private static HttpTimeoutException timeout(TransportRequest request,
      @Nullable Exception cause) {
    HttpTimeoutException timeout = new HttpTimeoutException("no complete response within "
        + request.timeout());
    if (cause != null) {
      timeout.initCause(cause);
    }
    return timeout;
  }

  private static RequestConfig requestConfig(Duration timeout) {
    Timeout attempt = Timeout.of(timeout);
    return RequestConfig.custom()
        .setConnectionRequestTimeout(attempt)
        .setResponseTimeout(attempt)
        .setRedirectsEnabled(false)
        .setContentCompressionEnabled(false)
        .setProtocolUpgradeEnabled(false)
        .setExpectContinueEnabled(false)
        .build();
  }

  /** Copies the headers but Content-Type, which goes with the body; returns that type. */
  private static @Nullable ContentType copyHeaders(TransportRequest request,
      HttpMessage message) {
    ContentType contentType = null;
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase("Content-Type")) {
        contentType = ContentType.parse(header.getValue());
      } else {
        message.addHeader(header.getKey(), header.getValue());
      }
    }
    return contentType;
  }

  private static Map<String, List<String>> headersOf(HttpMessage message) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Header header : message.getHeaders()) {
      headers.merge(header.getName(), List.of(header.getValue()), (earlier, next) -> {
        List<String> both = new ArrayList<>(earlier);
        both.addAll(next);
        return both;
      });
    }
    return headers;
  }

  private static CloseableHttpClient classicClient(Builder settings,
      Optional<ProxySupport> proxySupport) {
    HttpClientBuilder builder = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(settings.maxConnections)
            .setMaxConnPerRoute(settings.maxConnections)
            .setDefaultConnectionConfig(connectionConfig(settings))
            .setTlsSocketStrategy(settings.tls)
            .build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableContentCompression()
        // The SDK sends its own User-Agent; HttpClient's default reads its version from the
        // jar, which a new JVM pays for before its first call.
        .disableDefaultUserAgent();
    proxySupport.ifPresent(support -> support.configure(builder));
    return builder.build();
  }

  private static CloseableHttpAsyncClient asyncClient(Builder settings,
      Optional<ProxySupport> proxySupport) {
    HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
        .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
            .setMaxConnTotal(settings.maxConnections)
            .setMaxConnPerRoute(settings.maxConnections)
            .setDefaultConnectionConfig(connectionConfig(settings))
            .setDefaultTlsConfig(TlsConfig.custom()
                .setVersionPolicy(HttpVersionPolicy.NEGOTIATE)
                .build())
            .setTlsStrategy(settings.tls)
            .build())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement();
    disableAsyncDecompression(builder);
    AbandonedExchanges.track(builder);
    proxySupport.ifPresent(support -> support.configure(builder));
    return builder.build();
  }

  /**
   * Turns off the async client's content decompression, which HttpClient 5.6 added (on by
   * default); 5.5, the version Spring Boot 4.0 manages, has neither, hence the look-up.
   */
  private static void disableAsyncDecompression(HttpAsyncClientBuilder builder) {
    try {
      HttpAsyncClientBuilder.class.getMethod("disableContentCompression").invoke(builder);
    } catch (NoSuchMethodException e) {
      // Before 5.6 the async client never decodes content.
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot turn off HttpClient's async content"
          + " decompression", e);
    }
  }

  private static ConnectionConfig connectionConfig(Builder settings) {
    return ConnectionConfig.custom()
        .setConnectTimeout(Timeout.of(settings.connectTimeout))
        .build();
  }

  /**
   * Builds an {@link ApacheTransport}. Every default is set here, in one place. Not
   * thread-safe.
   */
  public static final class Builder {
    private int maxConnections = 64;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private @Nullable SSLContext sslContext;
    private @Nullable DeferredTls tls;
    private @Nullable ProxyOptions proxy;

    private Builder() {
    }

    /**
     * Sets how many connections the pool keeps open at most, in total and to one host (each of
     * the classic and the async client has such a pool). Default 64, as the SDK's
     * {@code maxConcurrentRequests}.
     *
     * @param maxConnections from 1 to 10,000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1 || maxConnections > 10_000) {
        throw new IllegalArgumentException("maxConnections must be between 1 and 10000, was "
            + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Sets how long opening a connection (TCP and TLS) may take. Default 10 s.
     *
     * @param connectTimeout positive, at most a day
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder connectTimeout(Duration connectTimeout) {
      Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
      if (connectTimeout.isNegative() || connectTimeout.isZero()
          || connectTimeout.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("connectTimeout must be positive and at most a day,"
            + " was " + connectTimeout);
      }
      this.connectTimeout = connectTimeout;
      return this;
    }

    /**
     * Sets the TLS context: the certificates trusted and, through its key managers, the client
     * certificate for mutual TLS. Host names are verified against the server's certificate.
     * Default: the JVM's {@link SSLContext#getDefault()} (which reads the
     * {@code javax.net.ssl.*} properties), as the JDK's client uses, made with the first
     * {@code https://} connection.
     *
     * @param sslContext an initialized context
     * @return this builder
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = Objects.requireNonNull(sslContext, "sslContext must not be null");
      return this;
    }

    /**
     * Sends requests through a forward proxy: plain {@code http://} ones in absolute form,
     * {@code https://} ones through a {@code CONNECT} tunnel, with the proxy's Basic
     * credentials (when it asks for them, 407) on both; hosts among its non-proxy hosts are
     * reached directly. Default: no proxy (the {@code ApiKeysClient}'s own proxy setting
     * applies to the JDK transport only). For the environment's:
     * {@code ProxyOptions.fromEnvironment().ifPresent(builder::proxy)}.
     *
     * @param proxy the proxy, or null for none
     * @return this builder
     */
    public Builder proxy(@Nullable ProxyOptions proxy) {
      this.proxy = proxy;
      return this;
    }

    /**
     * Returns the transport: its classic client and pool are made now, the async client with
     * the first async call.
     *
     * @return the transport
     */
    public ApacheTransport build() {
      return new ApacheTransport(toBuilder());
    }

    /** A copy of these settings, the default SSL context resolved. */
    private Builder toBuilder() {
      Builder copy = new Builder();
      copy.maxConnections = maxConnections;
      copy.connectTimeout = connectTimeout;
      copy.sslContext = sslContext;
      copy.tls = new DeferredTls(sslContext);
      copy.proxy = proxy;
      return copy;
    }

    /** Shows the settings; never the proxy's password. */
    @Override
    public String toString() {
      return "ApacheTransport.Builder{maxConnections=" + maxConnections + ", connectTimeout="
          + connectTimeout + ", proxy=" + proxy + '}';
    }
  }
}
