package dev.apikeys.benchmarks;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * An {@link HttpClient} with no network: every request gets the same canned 200 with a JSON
 * body, on the calling thread, through the caller's own {@link HttpResponse.BodyHandler}, as the
 * JDK's client would deliver it (one buffer, then completion). It lets {@link
 * ClientOverheadBenchmark} weigh what a client does around the exchange, alone.
 */
final class StubHttpClient extends HttpClient {

  private static final Flow.Subscription NO_BACK_PRESSURE = new Flow.Subscription() {
    @Override
    public void request(long n) {
    }

    @Override
    public void cancel() {
    }
  };

  private final byte[] body;
  private final HttpHeaders headers;

  /**
   * Creates a client that answers every request with {@code body}.
   *
   * @param body a JSON body
   */
  StubHttpClient(byte[] body) {
    this.body = body.clone();
    this.headers = HttpHeaders.of(Map.of("Content-Type", List.of("application/json"),
        "Content-Length", List.of(Integer.toString(body.length))), (name, value) -> true);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request,
      HttpResponse.BodyHandler<T> responseBodyHandler) throws IOException {
    HttpResponse.ResponseInfo info = new HttpResponse.ResponseInfo() {
      @Override
      public int statusCode() {
        return 200;
      }

      @Override
      public HttpHeaders headers() {
        return headers;
      }

      @Override
      public Version version() {
        return Version.HTTP_1_1;
      }
    };
    HttpResponse.BodySubscriber<T> subscriber = responseBodyHandler.apply(info);
    subscriber.onSubscribe(NO_BACK_PRESSURE);
    subscriber.onNext(List.of(ByteBuffer.wrap(body).asReadOnlyBuffer()));
    subscriber.onComplete();
    try {
      return new Response<>(request, headers, subscriber.getBody().toCompletableFuture().get());
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> responseBodyHandler) {
    try {
      return CompletableFuture.completedFuture(send(request, responseBodyHandler));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
      HttpResponse.BodyHandler<T> responseBodyHandler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return sendAsync(request, responseBodyHandler);
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return Optional.empty();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return Optional.empty();
  }

  @Override
  public Redirect followRedirects() {
    return Redirect.NEVER;
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return Optional.empty();
  }

  @Override
  public SSLContext sslContext() {
    return null;
  }

  @Override
  public SSLParameters sslParameters() {
    return null;
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return Optional.empty();
  }

  @Override
  public Version version() {
    return Version.HTTP_1_1;
  }

  @Override
  public Optional<Executor> executor() {
    return Optional.empty();
  }

  /** The builder the peer's {@code ApiClient} takes; it builds this client, whatever is set. */
  HttpClient.Builder builder() {
    return new HttpClient.Builder() {
      @Override
      public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
        return this;
      }

      @Override
      public HttpClient.Builder connectTimeout(Duration duration) {
        return this;
      }

      @Override
      public HttpClient.Builder sslContext(SSLContext sslContext) {
        return this;
      }

      @Override
      public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
        return this;
      }

      @Override
      public HttpClient.Builder executor(Executor executor) {
        return this;
      }

      @Override
      public HttpClient.Builder followRedirects(Redirect policy) {
        return this;
      }

      @Override
      public HttpClient.Builder version(Version version) {
        return this;
      }

      @Override
      public HttpClient.Builder priority(int priority) {
        return this;
      }

      @Override
      public HttpClient.Builder proxy(ProxySelector proxySelector) {
        return this;
      }

      @Override
      public HttpClient.Builder authenticator(Authenticator authenticator) {
        return this;
      }

      @Override
      public HttpClient build() {
        return StubHttpClient.this;
      }
    };
  }

  /** The canned answer to one request. */
  private record Response<T>(HttpRequest request, HttpHeaders headers, T body)
      implements HttpResponse<T> {
    @Override
    public int statusCode() {
      return 200;
    }

    @Override
    public Optional<HttpResponse<T>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return Optional.empty();
    }

    @Override
    public URI uri() {
      return request.uri();
    }

    @Override
    public Version version() {
      return Version.HTTP_1_1;
    }
  }
}
