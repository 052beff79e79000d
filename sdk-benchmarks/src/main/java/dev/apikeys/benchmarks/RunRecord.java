package dev.apikeys.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Writes the merged results of an {@link InterleavedRun} as JMH's JSON, each entry with its
 * real fork count and an {@code interleaved} object: the command, the text of
 * {@code java -version}, the rounds, how long the run took and how busy the machine was.
 */
final class RunRecord {

  /** The name of the object each entry gets. */
  static final String FIELD = "interleaved";

  private RunRecord() {
  }

  /** Writes the file named by the arguments and returns its path. */
  static Path write(InterleavedRunArgs args, Collection<RunResult> results, Duration took,
      List<Double> loads) throws IOException {
    ByteArrayOutputStream json = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(json, true, StandardCharsets.UTF_8)) {
      ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
    }
    ObjectMapper mapper = new ObjectMapper();
    JsonNode entries = mapper.readTree(json.toByteArray());
    int forksPerRound = Math.max(1, args.jmh().getForkCount().orElse(1));
    ListStatistics load = new ListStatistics(
        loads.stream().mapToDouble(Double::doubleValue).filter(x -> !Double.isNaN(x)).toArray());
    for (JsonNode entry : entries) {
      ObjectNode record = ((ObjectNode) entry).put("forks", args.rounds() * forksPerRound)
          .putObject(FIELD);
      record.put("command", command());
      record.put("javaVersion", javaVersion());
      record.put("rounds", args.rounds());
      record.put("forksPerRound", forksPerRound);
      record.put("order", "each round: every scenario, its contenders one fork each,"
          + " their order rotated by one from round to round");
      record.put("minutes", Math.round(took.toSeconds() / 6.0) / 10.0);
      record.put("loadAverage1mMedian", load.getN() == 0 ? null : load.getPercentile(50));
      record.put("loadAverage1mMax", load.getN() == 0 ? null : load.getMax());
    }
    mapper.writerWithDefaultPrettyPrinter().writeValue(args.out().toFile(), entries);
    return args.out();
  }

  private static String command() {
    ProcessHandle.Info info = ProcessHandle.current().info();
    return info.commandLine().orElse("java " + InterleavedRun.class.getName());
  }

  /** Returns what {@code java -version} of the forks' JVM prints. */
  private static String javaVersion() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
    try {
      String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(30, TimeUnit.SECONDS);
      return text.strip();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running java -version", e);
    }
  }
}
