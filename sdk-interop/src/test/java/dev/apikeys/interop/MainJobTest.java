package dev.apikeys.interop;

import static dev.apikeys.interop.FastApiApp.seededId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apikeys.examples.ExampleEnvironment;
import dev.apikeys.examples.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's main job (the examples' {@code Main}) against the FastAPI app on uvicorn, with
 * {@code APIKEYS_BASE_URL} and {@code APIKEYS_TOKEN} and nothing else, as the user of issue 10
 * ran it: the SDK's own client, the app's naive date-times, null lists and
 * {@code {"detail": ...}} errors. Against a real server the examples skip their retry
 * demonstration (it needs the embedded server's WireMock).
 */
class MainJobTest {

  @RegisterExtension
  static final UvicornServer SERVER = new UvicornServer(FastApiApp.naive());

  private static final String UUID =
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final String REQUEST_ID = "req_[0-9a-f]{32}";

  @Test
  void theMainJobRunsCleanAgainstTheFastApiApp() {
    Map<String, String> env = Map.of("APIKEYS_BASE_URL", SERVER.baseUrl(),
        "APIKEYS_TOKEN", FastApiApp.ADMIN_TOKEN);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ExampleEnvironment environment = ExampleEnvironment.open(env::get)) {
      Main.runAll(environment, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

    List<String> expected = new ArrayList<>(List.of(
        quote("API Keys Java SDK examples, running against the server at APIKEYS_BASE_URL"),
        "", quote("1. List every key with the auto-pager")));
    for (int n = 1; n <= 25; n++) {
      expected.add(quote(String.format("  %-10s %-16s %s", seededId(n), "Seeded key " + n,
          n % 2 == 0 ? "restricted [calls.view, calls.create]" : "unrestricted")));
    }
    String made = "(" + UUID + ")";
    expected.addAll(List.of(quote("  25 keys, fetched 10 per page"), "",
        quote("2. Create a restricted key and narrow its permissions"),
        quote("  created  ") + made
            + quote(" ci-bot with [calls.create, calls.delete, calls.update, calls.view]"),
        quote("  secret   ...") + "[0-9a-f]{4}"
            + quote(" (the full secret is shown only once, in the create response)"),
        quote("  narrowed ") + made + quote(" to [calls.view]"), "",
        quote("3. Update that key through the account API (PATCH /apikeys/{id})"),
        quote("  PATCH /apikeys/") + made + quote(" answered success: true"),
        quote("  read back ") + made + quote(": \"Deploys from CI, reads agents\","
            + " [calls.view, agents.view], never expires"), "",
        quote("4. Handle errors and retries"),
        quote("  404 NotFoundException: API key not found (request id ") + REQUEST_ID + "\\)",
        quote("  created  ") + made + quote(" to update with mistakes"),
        quote("  400 BadRequestException: Invalid permissions provided: calls.teleport"),
        quote("  caught before any request: permissions can only be set on a restricted key,"
            + " but restricted is false; call restricted(true) or leave permissions out"),
        quote("  retries: skipped; the flaky server is a WireMock scenario on the embedded"
            + " server, which runs only without APIKEYS_BASE_URL"),
        quote("  deleted  ") + made, "",
        quote("5. Rotate a key: create the new one, delete the old one"),
        quote("  created  ") + made + quote(" to replace ") + made + quote(" (ci-bot)"),
        quote("  deleted  ") + made + quote("; ") + made
            + quote(" now holds its name and permissions"), "", quote("Done.")));
    List<String> ids = matchAll(expected, lines);

    String restricted = ids.get(0);
    String scratch = ids.get(4);
    String rotated = ids.get(6);
    assertEquals(List.of(restricted, restricted, restricted, restricted, scratch, scratch,
        rotated, restricted, restricted, rotated), ids);
    JsonNode newest = RawHttp.json(SERVER.raw().get("/v1/api_key/?limit=1000&order=desc"))
        .get("data");
    assertEquals(26, newest.size(),
        "25 seeded, one made by RestrictKey and rotated by RotateKey (HandleErrors' is deleted)");
    assertEquals(rotated, newest.get(0).get("id").asText());
    assertEquals("ci-bot", newest.get(0).get("name").asText());
    assertEquals("[\"calls.view\",\"agents.view\"]",
        newest.get(0).get("permissions").toString(),
        "what the account API's PATCH set, carried over");
    assertEquals("Deploys from CI, reads agents", newest.get(0).get("description").asText());
    assertEquals(404, SERVER.raw().get("/v1/api_key/" + restricted).statusCode());
  }

  private static String quote(String text) {
    return Pattern.quote(text);
  }

  /** Matches each line against its pattern; returns the groups, in order. */
  private static List<String> matchAll(List<String> patterns, List<String> lines) {
    assertEquals(patterns.size(), lines.size(), () -> String.join("\n", lines));
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher line = Pattern.compile(patterns.get(i)).matcher(lines.get(i));
      assertTrue(line.matches(), "line " + (i + 1) + ": " + lines.get(i));
      for (int group = 1; group <= line.groupCount(); group++) {
        groups.add(line.group(group));
      }
    }
    return groups;
  }
}
