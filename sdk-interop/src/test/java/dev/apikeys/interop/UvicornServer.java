package dev.apikeys.interop;

import dev.apikeys.sdk.ApiKeysClient;
import java.net.http.HttpClient;
import java.util.List;

/**
 * The FastAPI app on Debian's uvicorn 0.17, plain HTTP/1.1 on a free port of 127.0.0.1. Its
 * output (with uvicorn's access log) goes to {@code target/interop/<TestClass>-uvicorn.log}.
 */
final class UvicornServer extends ServerExtension {

  /**
   * HTTP/1.1 only. The SDK's own client offers an {@code h2c} upgrade on plain http, which
   * uvicorn 0.17 answers with 400 (issue 10; {@code UvicornQuirksTest} shows it); pinning
   * HTTP/1.1 here lets the other tests show the SDK's other gaps one by one.
   * {@code UvicornApiKeysTest.theSdksOwnHttpClientTalksToUvicorn} covers the default client.
   */
  static final HttpClient HTTP_1_1 =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final FastApiApp app;
  private ServerProcess process;
  private int port;

  UvicornServer(FastApiApp app) {
    this.app = app;
  }

  @Override
  void start(String name) {
    Prerequisites.requirePython("python3-fastapi python3-uvicorn", "fastapi", "uvicorn");
    port = ServerProcess.freePort();
    process = ServerProcess.start(name + "-uvicorn", List.of(Prerequisites.PYTHON.toString(),
        "-m", "uvicorn", FastApiApp.ASGI_APP, "--host", "127.0.0.1",
        "--port", Integer.toString(port), "--no-use-colors"), app.environment(), port);
  }

  @Override
  void stop() {
    if (process != null) {
      process.close();
    }
  }

  @Override
  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  ApiKeysClient.Builder clientBuilder() {
    return ApiKeysClient.builder().baseUrl(baseUrl()).token(FastApiApp.ADMIN_TOKEN)
        .httpClient(HTTP_1_1);
  }

  @Override
  RawHttp raw() {
    return new RawHttp(HTTP_1_1, baseUrl(), FastApiApp.ADMIN_TOKEN);
  }
}
