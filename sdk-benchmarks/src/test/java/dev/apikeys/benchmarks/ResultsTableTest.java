package dev.apikeys.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table from a JMH JSON file whose figures are chosen so that each ratio and interval can
 * be checked by hand: three rounds, where the SDK is 1.02x the floor and the raw socket in
 * every round (an interval of zero width), and the SDK on Apache over Apache by hand.
 */
class ResultsTableTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void ratiosToTheRawSocketAndToTheLibraryByHandFollowFromTheRounds() throws Exception {
    ArrayNode entries = MAPPER.createArrayNode();
    entries.add(entry("RetrieveOneThread", "sdk", 136, 20, 102,
        new double[][] {{102, 102}, {204, 204}, {102, 102}})
        .set("secondaryMetrics", secondary(metric(58_000, 3_000,
            new double[][] {{55_000, 55_000}, {63_000, 63_000}, {56_000, 56_000}}),
            alloc(57_200, 10))));
    entries.add(entry("RetrieveOneThread", "floor", 133, 50, 100,
        new double[][] {{100, 100}, {200, 200}, {100, 100}})
        .set("secondaryMetrics", secondary(metric(53_333.3, 3_000,
            new double[][] {{50_000, 50_000}, {60_000, 60_000}, {50_000, 50_000}}),
            alloc(56_000, 10))));
    entries.add(entry("RetrieveOneThread", "raw", 133, 50, 100,
        new double[][] {{100, 100}, {200, 200}, {100, 100}}));
    entries.add(entry("ListPage", "sdkApache", 1100, 30, 1100, new double[][] {{1100}, {1120}, {1080}})
        .set("secondaryMetrics", MAPPER.createObjectNode()
            .set("gc.alloc.rate.norm", alloc(4_000_000, 1_000))));
    entries.add(entry("ListPage", "apache", 1000, 0, 1000, new double[][] {{1000}, {1000}, {1000}})
        .set("secondaryMetrics", MAPPER.createObjectNode()
            .set("gc.alloc.rate.norm", alloc(3_800_000, 1_000))));
    Path file = dir.resolve("run.json");
    MAPPER.writeValue(file.toFile(), entries);

    List<String> lines = print(file);

    String all = String.join("\n", lines);
    assertTrue(lines.contains("| RetrieveOneThread | sdk | 102 us/op | 58.0 us | 57.2 kB"
        + " | 1.02 [1.02, 1.02] | 1.02 [1.02, 1.02] | 1.09 [1.00, 1.18] | 1.02 [1.02, 1.02] |"),
        all);
    assertTrue(lines.contains("| RetrieveOneThread | floor | 100 us/op | 53.3 us | 56.0 kB"
        + " | 1.00 [1.00, 1.00] |  |  |  |"), all);
    assertTrue(lines.contains("| ListPage | sdkApache | 1,100 us/op |  | 4.00 MB |  "
        + "| 1.10 [1.05, 1.15] |  | 1.05 [1.05, 1.05] |"), all);
    assertEquals("### JDK 17.0.15", lines.get(0));
    assertTrue(lines.contains("one contender after the other; RetrieveOneThread 3 forks per"
        + " contender, each 2 x 1 s warm-up, 2 x 1 s measured, 1 thread(s); ListPage 3 forks per"
        + " contender, each 2 x 1 s warm-up, 2 x 1 s measured, 1 thread(s)."),
        String.join("\n", lines));
  }

  private static List<String> print(Path file) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResultsTable.print(List.of(RunFile.read(file)),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static ObjectNode entry(String scenario, String contender, double score, double error,
      double median, double[][] forks) {
    ObjectNode entry = MAPPER.createObjectNode()
        .put("jmhVersion", "1.37")
        .put("benchmark", "dev.apikeys.benchmarks." + scenario + "Benchmark.call")
        .put("mode", "avgt")
        .put("threads", 1)
        .put("forks", 3)
        .put("jdkVersion", "17.0.15")
        .put("vmName", "OpenJDK 64-Bit Server VM")
        .put("vmVersion", "17.0.15+6-Debian-1deb12u1")
        .put("warmupIterations", 2)
        .put("warmupTime", "1 s")
        .put("measurementIterations", 2)
        .put("measurementTime", "1 s");
    entry.putObject("params").put("contender", contender);
    ObjectNode primary = metric(score, error, forks).put("scoreUnit", "us/op");
    primary.putObject("scorePercentiles").put("50.0", median);
    entry.set("primaryMetric", primary);
    return entry;
  }

  private static ObjectNode secondary(ObjectNode cpu, ObjectNode alloc) {
    ObjectNode secondary = MAPPER.createObjectNode();
    secondary.set(CpuTimeProfiler.METRIC, cpu);
    secondary.set("gc.alloc.rate.norm", alloc);
    return secondary;
  }

  private static ObjectNode alloc(double score, double error) {
    return metric(score, error, new double[][] {{score}}).put("scoreUnit", "B/op");
  }

  private static ObjectNode metric(double score, double error, double[][] forks) {
    ObjectNode metric = MAPPER.createObjectNode().put("score", score).put("scoreError", error)
        .put("scoreUnit", "ns/op");
    metric.set("rawData", MAPPER.valueToTree(forks));
    return metric;
  }
}
