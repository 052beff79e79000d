package dev.apikeys.interop;

import dev.apikeys.sdk.ApiKeysClient;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Stoplight's Prism ({@code @stoplight/prism-cli} from npm, pinned) mocking the API from the
 * project's OpenAPI document. It checks every request against the document and answers one
 * that breaks it with 422 (or the 400 the document gives), naming the violations in an
 * {@code sl-violations} header; valid requests get the document's examples. Runs from npx's
 * cache ({@code --no-install}): {@code scripts/install-interop-servers.sh} fills it.
 */
final class PrismMock extends ServerExtension {

  /** The npm package, at the version the pom pins. */
  static final String PACKAGE = "@stoplight/prism-cli@"
      + System.getProperty("interop.prism.version", "5.16.0");

  /** The OpenAPI document of the API. */
  static final Path SPEC = Path.of(System.getProperty("interop.spec",
      "../api-spec/src/main/resources/dev/apikeys/api/openapi.yaml")).toAbsolutePath();

  private ServerProcess process;
  private int port;

  @Override
  void start(String name) {
    Prerequisites.requireCommand("npx cannot run " + PACKAGE + " from its cache",
        "npx --yes " + PACKAGE + " --version (or scripts/install-interop-servers.sh)",
        "npx", "--no-install", PACKAGE, "--version");
    port = ServerProcess.freePort();
    process = ServerProcess.start(name + "-prism", List.of("npx", "--no-install", PACKAGE,
        "mock", "--host", "127.0.0.1", "--port", Integer.toString(port), SPEC.toString()),
        Map.of("NO_UPDATE_NOTIFIER", "1"), port);
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

  /** The SDK's own client, as a user's code has it. */
  @Override
  ApiKeysClient.Builder clientBuilder() {
    return InteropTransport.current().on(ApiKeysClient.builder().baseUrl(baseUrl())
        .token(FastApiApp.ADMIN_TOKEN));
  }

  @Override
  RawHttp raw() {
    return new RawHttp(HttpClient.newHttpClient(), baseUrl(), FastApiApp.ADMIN_TOKEN);
  }
}
