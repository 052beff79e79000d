package dev.apikeys.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apikeys.sdk.errors.NotFoundException;
import dev.apikeys.sdk.models.ApiKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The examples run end to end on the embedded server and do what they print. */
class MainTest {

  @Test
  void everyExampleRunsAgainstTheEmbeddedServer() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ExampleEnvironment environment = ExampleEnvironment.open(name -> null)) {
      Main.runAll(environment, new PrintStream(bytes, true, StandardCharsets.UTF_8));

      ApiKey rotated = environment.client().apiKeys().retrieve("key_0028");
      assertEquals(List.of("calls.view", "agents.view"), rotated.permissionValues());
      assertEquals(Optional.of("Deploys from CI, reads agents"), rotated.description());
      assertThrows(NotFoundException.class,
          () -> environment.client().apiKeys().retrieve("key_0026"));
      assertThrows(NotFoundException.class,
          () -> environment.client().apiKeys().retrieve("key_0027"));
    }
    List<String> lines = bytes.toString(StandardCharsets.UTF_8)
        .replaceAll("http://127\\.0\\.0\\.1:[0-9]+", "http://127.0.0.1:PORT")
        .replaceAll("req_[0-9]+", "req_N")
        .lines().toList();

    assertEquals(expectedLines(), lines);
  }

  @Test
  void handleErrorsSkipsTheRetryDemoWithoutTheEmbeddedServerAndSaysSo() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ExampleEnvironment environment = ExampleEnvironment.open(name -> null)) {
      HandleErrors.run(environment.client(), Optional.empty(),
          new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    assertEquals(List.of(
        "  404 NotFoundException: API key not found (request id req_N)",
        "  created  key_0026 to update with mistakes",
        "  400 BadRequestException: Invalid permissions provided: calls.teleport",
        "  caught before any request: permissions can only be set on a restricted key, but"
            + " restricted is false; call restricted(true) or leave permissions out",
        "  retries: skipped; the flaky server is a WireMock scenario on the embedded server,"
            + " which runs only without APIKEYS_BASE_URL",
        "  deleted  key_0026"),
        bytes.toString(StandardCharsets.UTF_8).replaceAll("req_[0-9]+", "req_N").lines()
            .toList());
  }

  private static List<String> expectedLines() {
    List<String> expected = new ArrayList<>(List.of(
        "API Keys Java SDK examples, running against an embedded MockApiKeysServer at"
            + " http://127.0.0.1:PORT seeded with 25 keys",
        "",
        "1. List every key with the auto-pager"));
    for (int n = 1; n <= 25; n++) {
      expected.add(String.format("  %-10s %-16s %s", String.format("key_%04d", n),
          "Seeded key " + n, n % 2 == 0 ? "restricted [calls.view, calls.create]"
              : "unrestricted"));
    }
    expected.addAll(List.of(
        "  25 keys, fetched 10 per page",
        "",
        "2. Create a restricted key and narrow its permissions",
        "  created  key_0026 ci-bot with [calls.create, calls.delete, calls.update, calls.view]",
        "  secret   ...ed6c (the full secret is shown only once, in the create response)",
        "  narrowed key_0026 to [calls.view]",
        "",
        "3. Update that key through the account API (PATCH /apikeys/{id})",
        "  PATCH /apikeys/key_0026 answered success: true",
        "  read back key_0026: \"Deploys from CI, reads agents\", [calls.view, agents.view],"
            + " never expires",
        "",
        "4. Handle errors and retries",
        "  404 NotFoundException: API key not found (request id req_N)",
        "  created  key_0027 to update with mistakes",
        "  400 BadRequestException: Invalid permissions provided: calls.teleport",
        "  caught before any request: permissions can only be set on a restricted key, but"
            + " restricted is false; call restricted(true) or leave permissions out",
        "  503, 503, then 200: retried twice, got key_0027 (errors-demo)",
        "  deleted  key_0027",
        "",
        "5. Rotate a key: create the new one, delete the old one",
        "  created  key_0028 to replace key_0026 (ci-bot)",
        "  deleted  key_0026; key_0028 now holds its name and permissions",
        "",
        "Done."));
    return expected;
  }
}
