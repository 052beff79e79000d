package dev.apikeys.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MockApiKeysServerMainTest {

  @Test
  void startsTheServerAndPrintsHowToUseIt() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (MockApiKeysServer server = MockApiKeysServerMain.start(
        new String[] {"--port", "0", "--seed", "2"},
        new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      assertEquals(String.join(System.lineSeparator(),
          "Mock API Keys server listening on " + server.baseUrl(),
          "  admin token:                  sk-test-admin",
          "  restricted token, api_keys.*: sk-test-restricted"
              + " (a key outside the store: updates no key)",
          "  restricted token, no access:  sk-test-forbidden",
          "  unknown token (401):          sk-test-unknown",
          "  default account:              acct_default",
          "  seeded keys:                  2 (key_0001 to key_0002)",
          "The secret of every key you create is a token too, with that key's permissions.",
          "Stop with Ctrl+C.", ""), printed.toString(StandardCharsets.UTF_8));
      assertEquals(200, new RawApi(server).get(RawApi.KEYS + "key_0002").send().statusCode());
    }
  }

  @Test
  void aPortInUseIsNamedWithWhatToDo() {
    try (MockApiKeysServer running = MockApiKeysServer.builder().build().start()) {
      String port = String.valueOf(running.port());

      IllegalStateException thrown = assertThrows(IllegalStateException.class,
          () -> MockApiKeysServerMain.start(new String[] {"--port", port}, System.out));

      // The middle is the operating system's words, such as "Address already in use".
      assertTrue(thrown.getMessage().startsWith(
          "The mock server cannot listen on port " + port + ": "), thrown.getMessage());
      assertTrue(thrown.getMessage().endsWith("; choose another port with --port N"),
          thrown.getMessage());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--port         | --port needs a number",
      "--seed x       | --seed needs a number; was: 'x'",
      "--verbose      | unknown option: --verbose",
      "--port 70000   | port must be from 0 to 65535; was: 70000",
      "--seed -1      | seed must be 0 or more; was: -1"})
  void badArgumentsAreRejected(String args, String message) {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> MockApiKeysServerMain.start(args.split(" "), System.out));
    assertEquals(message, thrown.getMessage());
  }
}
