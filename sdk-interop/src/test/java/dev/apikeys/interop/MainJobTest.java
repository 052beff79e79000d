package dev.apikeys.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apikeys.examples.ExampleEnvironment;
import dev.apikeys.examples.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's main job (the examples' {@code Main}) against the FastAPI app on uvicorn, with
 * {@code APIKEYS_BASE_URL} and {@code APIKEYS_TOKEN}, as the user of issue 10 ran it. Against a
 * real server the examples skip their retry demonstration (it needs the embedded server's
 * WireMock), and {@code HandleErrors} asks for {@code key_0001}, which this app does not have.
 */
class MainJobTest {

  @RegisterExtension
  static final UvicornServer SERVER = new UvicornServer(FastApiApp.naive());

  @Test
  @Disabled(Issue10.NO_H2C + "; " + Issue10.NAIVE_DATES + "; " + Issue10.NULL_LIST + "; "
      + Issue10.DETAIL)
  void theMainJobRunsCleanAgainstTheFastApiApp() {
    Map<String, String> env = Map.of("APIKEYS_BASE_URL", SERVER.baseUrl(),
        "APIKEYS_TOKEN", FastApiApp.ADMIN_TOKEN);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ExampleEnvironment environment = ExampleEnvironment.open(env::get)) {
      Main.runAll(environment, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

    assertEquals("API Keys Java SDK examples, running against the server at APIKEYS_BASE_URL",
        lines.get(0));
    assertTrue(lines.contains("  25 keys, fetched 10 per page"), lines::toString);
    assertTrue(lines.stream().anyMatch(line -> line.startsWith(
        "  404 NotFoundException: API key not found (request id req_")), lines::toString);
    assertEquals("Done.", lines.get(lines.size() - 1));
    JsonNode newest = RawHttp.json(SERVER.raw().get("/v1/api_key/?limit=1000&order=desc"))
        .get("data");
    assertEquals(26, newest.size(), "25 seeded, one made by RestrictKey and rotated by RotateKey");
    assertEquals("ci-bot", newest.get(0).get("name").asText());
    assertEquals("[\"calls.view\"]", newest.get(0).get("permissions").toString());
  }
}
