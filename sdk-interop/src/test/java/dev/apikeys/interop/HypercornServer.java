package dev.apikeys.interop;

import dev.apikeys.sdk.ApiKeysClient;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The FastAPI app on Debian's hypercorn 0.13: HTTP/2 over TLS (ALPN {@code h2}, then
 * {@code http/1.1}) with a throwaway certificate and at most 100 concurrent streams a
 * connection. Its configuration, certificate, output and {@link AccessLog} go to
 * {@code target/interop/<TestClass>-hypercorn/}.
 */
final class HypercornServer extends ServerExtension {

  /** The most streams a client may open at once on one connection. */
  static final int MAX_CONCURRENT_STREAMS = 100;

  private final FastApiApp app;
  private ServerProcess process;
  private int port;
  private HttpClient httpClient;
  private SSLContext sslContext;
  private AccessLog accessLog;

  HypercornServer(FastApiApp app) {
    this.app = app;
  }

  @Override
  void start(String name) {
    Prerequisites.requirePython("python3-fastapi python3-hypercorn", "fastapi", "hypercorn");
    Path folder = ServerProcess.OUTPUT.resolve(name + "-hypercorn").toAbsolutePath();
    SelfSignedCertificate certificate = SelfSignedCertificate.create(folder);
    httpClient = certificate.httpClient();
    sslContext = certificate.sslContext();
    port = ServerProcess.freePort();
    Path log = folder.resolve("access.log");
    accessLog = new AccessLog(log);
    Path config = ServerProcess.write(folder.resolve("hypercorn.toml"), String.join("\n",
        "bind = [\"127.0.0.1:" + port + "\"]",
        "certfile = \"" + certificate.certificate() + "\"",
        "keyfile = \"" + certificate.privateKey() + "\"",
        "alpn_protocols = [\"h2\", \"http/1.1\"]",
        "h2_max_concurrent_streams = " + MAX_CONCURRENT_STREAMS,
        // Stops at once: the default waits 3 s for the JDK's idle connections to close.
        "graceful_timeout = 0.1",
        "accesslog = \"" + log + "\"",
        "access_log_format = \"" + AccessLog.MARKER + "%(m)s %(Uq)s HTTP/%(H)s %(s)s\"",
        ""));
    process = ServerProcess.start(name + "-hypercorn/hypercorn", List.of(
        Prerequisites.PYTHON.toString(), "-m", "hypercorn", "--config", config.toString(),
        FastApiApp.ASGI_APP), app.environment(), port);
  }

  @Override
  void stop() {
    if (process != null) {
      process.close();
    }
  }

  @Override
  String baseUrl() {
    return "https://127.0.0.1:" + port;
  }

  @Override
  ApiKeysClient.Builder clientBuilder() {
    return InteropTransport.current().on(ApiKeysClient.builder().baseUrl(baseUrl())
        .token(FastApiApp.ADMIN_TOKEN), sslContext, httpClient);
  }

  @Override
  RawHttp raw() {
    return new RawHttp(httpClient, baseUrl(), FastApiApp.ADMIN_TOKEN);
  }

  /**
   * Returns the server's access log.
   *
   * @return the server's access log
   */
  AccessLog accessLog() {
    return accessLog;
  }
}
