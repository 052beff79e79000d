package dev.apikeys.sdk.internal.transport;

import dev.apikeys.sdk.ProxyOptions;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A JDK {@link HttpClient} shared by a client and the clients derived from it, counted so that
 * one the SDK made is shut down when the last of them is closed (JDK 21 and newer, whose
 * {@code HttpClient} has {@code shutdown()}; on 17 its threads end when it is collected). One
 * the user gave is never shut down by the SDK.
 */
public final class SharedHttpClient {

  private static final @Nullable MethodHandle SHUTDOWN = findShutdown();

  private final HttpClient client;
  private final boolean owned;
  private final @Nullable ProxyOptions proxy;
  private final AtomicInteger users = new AtomicInteger();

  private SharedHttpClient(HttpClient client, boolean owned, @Nullable ProxyOptions proxy) {
    this.client = client;
    this.owned = owned;
    this.proxy = proxy;
  }

  /**
   * Makes the SDK's own client: redirects are never followed by it (the SDK follows safe ones
   * itself), HTTP/2 where TLS negotiates it.
   *
   * @param connectTimeout how long opening a connection may take
   * @return the shared client
   */
  public static SharedHttpClient create(Duration connectTimeout) {
    return create(connectTimeout, null);
  }

  /**
   * Makes the SDK's own client, as {@link #create(Duration)}, sending through a proxy.
   *
   * @param connectTimeout how long opening a connection may take
   * @param proxy the proxy, or null for none (then no system-wide proxy is used either)
   * @return the shared client
   */
  public static SharedHttpClient create(Duration connectTimeout,
      @Nullable ProxyOptions proxy) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER);
    if (proxy != null) {
      builder.proxy(new ProxySelection(proxy));
    }
    return new SharedHttpClient(builder.build(), true, proxy);
  }

  /**
   * Wraps a client the user gave.
   *
   * @param client the client
   * @return the shared client, never shut down by the SDK
   */
  public static SharedHttpClient given(HttpClient client) {
    return new SharedHttpClient(client, false, null);
  }

  /**
   * Returns the proxy of a client the SDK made, or null: none, or a client the user gave.
   *
   * @return the proxy, or null
   */
  public @Nullable ProxyOptions proxy() {
    return proxy;
  }

  /**
   * Returns the JDK client.
   *
   * @return the JDK client
   */
  public HttpClient client() {
    return client;
  }

  /**
   * Returns whether the SDK made this client (and so sets its protocol per request).
   *
   * @return whether the SDK made this client
   */
  public boolean owned() {
    return owned;
  }

  /**
   * Counts one more user.
   *
   * @return false when the client was already shut down, so a new one is needed
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

  /** Counts one user less; the last one shuts an SDK-made client down. */
  public void release() {
    if (users.decrementAndGet() == 0 && owned && users.compareAndSet(0, -1)) {
      shutdown();
    }
  }

  private void shutdown() {
    if (SHUTDOWN == null) {
      return;
    }
    try {
      SHUTDOWN.invoke(client);
    } catch (Throwable e) {
      // Best effort: the client's threads still end when it is collected.
    }
  }

  private static @Nullable MethodHandle findShutdown() {
    try {
      return MethodHandles.publicLookup().findVirtual(HttpClient.class, "shutdown",
          MethodType.methodType(void.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      return null;
    }
  }
}
