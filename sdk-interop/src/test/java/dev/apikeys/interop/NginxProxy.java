package dev.apikeys.interop;

import dev.apikeys.sdk.ApiKeysClient;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Debian's nginx 1.22 as an HTTPS and HTTP/2 reverse proxy in front of the FastAPI app on
 * uvicorn: at most 100 concurrent streams a connection, and JSON compressed with gzip when the
 * client asks for it. The app is at {@code /}, and again under the gateway prefix
 * {@value #PREFIX}; {@value #ELSEWHERE} redirects (302 for GET, else 307) to the same path on
 * another origin: a second server of this nginx, on another port, with an access log of its
 * own. Its configuration (written by {@link #start(String)}), certificate, logs and
 * {@link AccessLog}s (with {@code bytes=N gzip=RATIO accept-encoding=V content-encoding=V}
 * after the status, {@code -} for none) go to {@code target/interop/<TestClass>-nginx/}.
 */
final class NginxProxy extends ServerExtension {

  /** Where Debian's nginx is. */
  static final Path NGINX = Path.of("/usr/sbin/nginx");

  /** The most streams a client may open at once on one connection. */
  static final int MAX_CONCURRENT_STREAMS = 100;

  /** A gateway's path prefix: the app again, with the prefix taken off. */
  static final String PREFIX = "/apikeys-service";

  /** A path prefix that redirects to another origin. */
  static final String ELSEWHERE = "/elsewhere";

  private final UvicornServer upstream;
  private ServerProcess process;
  private int port;
  private int otherPort;
  private HttpClient httpClient;
  private SSLContext sslContext;
  private AccessLog accessLog;
  private AccessLog otherAccessLog;

  NginxProxy(FastApiApp app) {
    this.upstream = new UvicornServer(app);
  }

  @Override
  void start(String name) {
    Prerequisites.requireExecutable(NGINX, "nginx-light");
    Path folder = ServerProcess.OUTPUT.resolve(name + "-nginx").toAbsolutePath();
    SelfSignedCertificate certificate = SelfSignedCertificate.create(folder);
    httpClient = certificate.httpClient();
    sslContext = certificate.sslContext();
    upstream.start(name + "-nginx/upstream");
    port = ServerProcess.freePort();
    otherPort = ServerProcess.freePort();
    ServerProcess.createParents(folder.resolve("tmp/client_body"));
    accessLog = new AccessLog(folder.resolve("access.log"));
    otherAccessLog = new AccessLog(folder.resolve("other-access.log"));
    Path config =
        ServerProcess.write(folder.resolve("nginx.conf"), configuration(folder, certificate));
    process = ServerProcess.start(name + "-nginx/nginx", List.of(NGINX.toString(),
        "-p", folder.toString(), "-c", config.toString(),
        "-e", folder.resolve("error.log").toString()), Map.of(), port);
  }

  private String configuration(Path folder, SelfSignedCertificate certificate) {
    String backend = upstream.baseUrl().substring("http://".length());
    String tls = "ssl_certificate %s;\n    ssl_certificate_key %s;\n"
        .formatted(certificate.certificate(), certificate.privateKey());
    String proxy = """
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_set_header Host $host;
              proxy_max_temp_file_size 0;
        """;
    return """
        daemon off;
        worker_processes 1;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log notice;
        events { worker_connections 1024; }
        http {
          log_format interop '%2$s$request_method $request_uri $server_protocol $status'
              ' bytes=$body_bytes_sent gzip=$gzip_ratio accept-encoding=$http_accept_encoding'
              ' content-encoding=$sent_http_content_encoding';
          access_log %1$s/access.log interop;
          client_body_temp_path %1$s/tmp/client_body;
          proxy_temp_path %1$s/tmp/proxy;
          fastcgi_temp_path %1$s/tmp/fastcgi;
          uwsgi_temp_path %1$s/tmp/uwsgi;
          scgi_temp_path %1$s/tmp/scgi;
          gzip on;
          gzip_types application/json;
          upstream app {
            server %3$s;
            keepalive 16;
          }
          server {
            listen 127.0.0.1:%4$d ssl http2;
            %5$s
            http2_max_concurrent_streams %6$d;
            location / {
              proxy_pass http://app;
        %7$s
            }
            location %8$s/ {
              proxy_pass http://app/;
        %7$s
            }
            location ~ ^%9$s/(.*)$ {
              if ($request_method = GET) {
                return 302 https://127.0.0.1:%10$d/$1$is_args$args;
              }
              return 307 https://127.0.0.1:%10$d/$1$is_args$args;
            }
          }
          server {
            listen 127.0.0.1:%10$d ssl http2;
            %5$s
            access_log %1$s/other-access.log interop;
            location / {
              proxy_pass http://app;
        %7$s
            }
          }
        }
        """.formatted(folder, AccessLog.MARKER, backend, port, tls, MAX_CONCURRENT_STREAMS,
        proxy, PREFIX, ELSEWHERE, otherPort);
  }

  @Override
  void stop() {
    if (process != null) {
      process.close();
    }
    upstream.shutdown();
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
   * Returns a TLS context that trusts this nginx's certificate only.
   *
   * @return a TLS context that trusts this nginx's certificate only
   */
  SSLContext sslContext() {
    return sslContext;
  }

  /**
   * Returns the port of the API's origin.
   *
   * @return the port of the API's origin
   */
  int port() {
    return port;
  }

  /**
   * Returns nginx's access log.
   *
   * @return nginx's access log
   */
  AccessLog accessLog() {
    return accessLog;
  }

  /**
   * Returns the base URL of the other origin that {@value #ELSEWHERE} redirects to.
   *
   * @return the base URL of the other origin
   */
  String otherBaseUrl() {
    return "https://127.0.0.1:" + otherPort;
  }

  /**
   * Returns raw requests to the other origin, with the admin token.
   *
   * @return raw requests to the other origin, with the admin token
   */
  RawHttp otherRaw() {
    return new RawHttp(httpClient, otherBaseUrl(), FastApiApp.ADMIN_TOKEN);
  }

  /**
   * Returns the access log of the other origin.
   *
   * @return the access log of the other origin
   */
  AccessLog otherAccessLog() {
    return otherAccessLog;
  }

  /**
   * Returns the uvicorn server behind the proxy, reachable directly over plain HTTP/1.1.
   *
   * @return the uvicorn server behind the proxy
   */
  UvicornServer upstream() {
    return upstream;
  }
}
