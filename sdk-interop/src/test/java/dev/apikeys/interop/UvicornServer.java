package dev.apikeys.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apikeys.sdk.ApiKeysClient;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The FastAPI app on Debian's uvicorn 0.17, plain HTTP/1.1 on a free port of 127.0.0.1. The SDK
 * talks to it with its own client, as a user's code would. Its output goes to
 * {@code target/interop/<TestClass>-uvicorn/uvicorn.log}, its {@link AccessLog} (with the
 * status's reason phrase after the status) next to it.
 */
final class UvicornServer extends ServerExtension {

  /**
   * A JDK client for {@link #raw()} requests: HTTP/1.1, as a JDK client at its default version
   * offers an {@code h2c} upgrade on plain http, which uvicorn 0.17 answers with 400.
   */
  static final HttpClient HTTP_1_1 =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final FastApiApp app;
  private ServerProcess process;
  private int port;
  private AccessLog accessLog;

  UvicornServer(FastApiApp app) {
    this.app = app;
  }

  @Override
  void start(String name) {
    Prerequisites.requirePython("python3-fastapi python3-uvicorn", "fastapi", "uvicorn");
    Path folder = ServerProcess.OUTPUT.resolve(name + "-uvicorn").toAbsolutePath();
    Path log = folder.resolve("access.log");
    accessLog = new AccessLog(log);
    Path logging = ServerProcess.write(folder.resolve("logging.json"), loggingConfig(log));
    port = ServerProcess.freePort();
    process = ServerProcess.start(name + "-uvicorn/uvicorn", List.of(
        Prerequisites.PYTHON.toString(), "-m", "uvicorn", FastApiApp.ASGI_APP,
        "--host", "127.0.0.1", "--port", Integer.toString(port), "--no-use-colors",
        "--log-config", logging.toString()), app.environment(), port);
  }

  /**
   * uvicorn's logging: its messages to the output as usual, its access log to a file of its
   * own, one request a line.
   */
  private static String loggingConfig(Path accessLog) {
    Map<String, Object> config = Map.of(
        "version", 1,
        "disable_existing_loggers", false,
        "formatters", Map.of(
            "default", Map.of("()", "uvicorn.logging.DefaultFormatter",
                "fmt", "%(levelprefix)s %(message)s", "use_colors", false),
            "access", Map.of("()", "uvicorn.logging.AccessFormatter",
                "fmt", AccessLog.MARKER + "%(request_line)s %(status_code)s",
                "use_colors", false)),
        "handlers", Map.of(
            "default", Map.of("class", "logging.StreamHandler", "formatter", "default",
                "stream", "ext://sys.stderr"),
            "access", Map.of("class", "logging.FileHandler", "formatter", "access",
                "filename", accessLog.toString())),
        "loggers", Map.of(
            "uvicorn", Map.of("handlers", List.of("default"), "level", "INFO"),
            "uvicorn.access", Map.of("handlers", List.of("access"), "level", "INFO",
                "propagate", false)));
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
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

  /** The SDK's own client, as the README's user has it: no {@code httpClient(...)}. */
  @Override
  ApiKeysClient.Builder clientBuilder() {
    return InteropTransport.current().on(ApiKeysClient.builder().baseUrl(baseUrl())
        .token(FastApiApp.ADMIN_TOKEN));
  }

  @Override
  RawHttp raw() {
    return new RawHttp(HTTP_1_1, baseUrl(), FastApiApp.ADMIN_TOKEN);
  }

  /**
   * Returns uvicorn's access log.
   *
   * @return uvicorn's access log
   */
  AccessLog accessLog() {
    return accessLog;
  }
}
