package dev.apikeys.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMH finds the generated benchmarks, and an interleaved run of two rounds, in this JVM
 * ({@code -f 0}) for a fraction of a second per fork, writes one JSON entry per contender with
 * both rounds, CPU time and allocation, which the table reads.
 */
class InterleavedRunSmokeTest {

  @TempDir
  Path dir;

  @Test
  void twoRoundsOfTwoContendersMakeOneFileAndOneTable() throws Exception {
    Path out = dir.resolve("run.json");
    try (CannedApiServer server = CannedApiServer.start(new CannedPages(1, 1), Duration.ZERO)) {
      new InterleavedRun(InterleavedRunArgs.parse("--rounds", "2", "--scenarios",
          "RetrieveOneThread", "--contenders", "sdk,floor", "--out", out.toString(), "--server",
          server.baseUri().toString(), "-f", "0", "-wi", "0", "-i", "2", "-r", "100ms"),
          new PrintStream(OutputStream.nullOutputStream())).run();
    } finally {
      System.clearProperty(PerCallBenchmark.SERVER_PROPERTY);
    }

    JsonNode entries = new ObjectMapper().readTree(out.toFile());
    assertEquals(2, entries.size());
    assertEquals("sdk", entries.get(0).path("params").path("contender").asText());
    assertEquals(2, entries.get(0).path("forks").asInt());
    assertEquals(2, entries.get(0).path(RunRecord.FIELD).path("rounds").asInt());
    assertTrue(entries.get(0).path(RunRecord.FIELD).path("javaVersion").asText()
        .contains(Runtime.version().toString()));
    RunFile.Row sdk = RunFile.read(out).scenario("RetrieveOneThread").row("sdk");
    assertEquals(2, sdk.time().forks().size());
    assertEquals(2, sdk.time().forks().get(1).length);
    assertTrue(sdk.cpu().score() > 0, "cpu " + sdk.cpu().score());
    assertTrue(sdk.alloc().score() > 1_000, "alloc " + sdk.alloc().score());

    ByteArrayOutputStream table = new ByteArrayOutputStream();
    ResultsTable.print(List.of(RunFile.read(out)),
        new PrintStream(table, true, StandardCharsets.UTF_8));
    List<String> lines = table.toString(StandardCharsets.UTF_8).lines().toList();
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("| RetrieveOneThread | floor |"
        + " ")), String.join("\n", lines));
    // The SDK's time over the floor's, its library by hand: the seventh column.
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("| RetrieveOneThread | sdk |")
        && !line.split("\\|")[7].isBlank()), String.join("\n", lines));
  }
}
