package dev.apikeys.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apikeys.sdk.errors.NotFoundException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples run end to end on the embedded server and do what they print. */
class MainTest {

  @Test
  void everyExampleRunsAgainstTheEmbeddedServer() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ExampleEnvironment environment = ExampleEnvironment.open(name -> null)) {
      Main.runAll(environment, new PrintStream(bytes, true, StandardCharsets.UTF_8));

      assertEquals(List.of("calls.view"),
          environment.client().apiKeys().retrieve("key_0027").permissionValues());
      assertThrowsNotFound(environment, "key_0026");
    }
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

    assertTrue(lines.get(0).startsWith("API Keys Java SDK examples, running against an embedded"
        + " MockApiKeysServer at http://127.0.0.1:"), lines.get(0));
    assertTrue(lines.contains("  25 keys, fetched 10 per page"), lines.toString());
    assertTrue(lines.contains("  narrowed key_0026 to [calls.view]"), lines.toString());
    assertTrue(lines.contains("  400 BadRequestException: Invalid permissions provided:"
        + " calls.teleport"), lines.toString());
    assertTrue(lines.contains("  503, 503, then 200: retried twice, got key_0001 (Seeded key 1)"),
        lines.toString());
    assertTrue(lines.contains("  deleted  key_0026; key_0027 now holds its name and permissions"),
        lines.toString());
    assertEquals("Done.", lines.get(lines.size() - 1));
  }

  private static void assertThrowsNotFound(ExampleEnvironment environment, String id) {
    try {
      environment.client().apiKeys().retrieve(id);
    } catch (NotFoundException expected) {
      return;
    }
    throw new AssertionError(id + " should have been deleted");
  }
}
