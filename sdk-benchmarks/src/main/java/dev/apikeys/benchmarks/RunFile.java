package dev.apikeys.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.util.ListStatistics;

/**
 * One JMH JSON result file ({@code -rf json}, or an {@link InterleavedRun}'s), read as one
 * JDK's run: per scenario (the benchmark class without "Benchmark", plus any parameter other
 * than the contender) and contender (the {@code contender} parameter, else the method name)
 * the time, CPU time and allocation, each with its forks' raw iterations.
 */
final class RunFile {

  private final JsonNode first;
  private final Map<String, Scenario> scenarios;

  private RunFile(JsonNode first, Map<String, Scenario> scenarios) {
    this.first = first;
    this.scenarios = scenarios;
  }

  /** Reads a file. */
  static RunFile read(Path path) throws IOException {
    return read(List.of(path));
  }

  /** Reads files of one JDK as one run, such as its per-call run and its virtual threads. */
  static RunFile read(List<Path> paths) throws IOException {
    ArrayNode entries = JsonNodeFactory.instance.arrayNode();
    for (Path path : paths) {
      JsonNode file = new ObjectMapper().readTree(path.toFile());
      if (!file.isArray() || file.isEmpty()) {
        throw new IOException(path + " holds no JMH results");
      }
      entries.addAll((ArrayNode) file);
    }
    Map<String, Scenario> scenarios = new LinkedHashMap<>();
    for (JsonNode entry : entries) {
      String benchmark = entry.get("benchmark").asText();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
      String name = className.substring(className.lastIndexOf('.') + 1).replace("Benchmark", "");
      String label = name + otherParams(entry.path("params"));
      String contender = entry.path("params").path("contender").asText(method);
      scenarios.computeIfAbsent(label, key -> new Scenario(name, key, new LinkedHashMap<>(),
          new LinkedHashSet<>())).add(contender, entry);
    }
    return new RunFile(entries.get(0), scenarios);
  }

  private static String otherParams(JsonNode params) {
    List<String> others = new ArrayList<>();
    for (Map.Entry<String, JsonNode> param : params.properties()) {
      if (!param.getKey().equals("contender")) {
        others.add(param.getKey() + "=" + param.getValue().asText());
      }
    }
    return others.isEmpty() ? "" : " (" + String.join(", ", others) + ")";
  }

  /** Returns the scenarios in file order. */
  List<Scenario> scenarios() {
    return List.copyOf(scenarios.values());
  }

  /** Returns the first scenario of that name (any parameters), or null. */
  Scenario scenario(String name) {
    return scenarios.values().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElse(null);
  }

  /** Returns the JDK's feature version and build, such as "JDK 17.0.15". */
  String jdk() {
    return "JDK " + first.path("jdkVersion").asText("?");
  }

  /** Returns what {@code java -version} printed, else the VM's name and version. */
  String javaVersion() {
    JsonNode recorded = first.path(RunRecord.FIELD).path("javaVersion");
    return recorded.isTextual() ? recorded.asText()
        : first.path("vmName").asText() + " " + first.path("vmVersion").asText();
  }

  /** Returns the command that made the file, or null if it does not say. */
  String command() {
    JsonNode command = first.path(RunRecord.FIELD).path("command");
    return command.isTextual() ? command.asText() : null;
  }

  /** Returns how the run was made: rounds or forks, iterations, time taken, load. */
  String conduct() {
    JsonNode record = first.path(RunRecord.FIELD);
    Set<String> settings = new LinkedHashSet<>();
    scenarios.values().forEach(s -> settings.addAll(s.settings()));
    String forks = record.isObject()
        ? "contenders interleaved: rounds of one fork per contender, order rotated each round"
        : "one contender after the other";
    String took = record.isObject() ? String.format(Locale.ROOT, "; took %.1f min, 1-minute"
            + " load average median %.1f, max %.1f (2 cores)", record.path("minutes").asDouble(),
        record.path("loadAverage1mMedian").asDouble(Double.NaN),
        record.path("loadAverage1mMax").asDouble(Double.NaN)) : "";
    return forks + "; " + String.join("; ", settings) + took;
  }

  /**
   * One figure of a row: JMH's score (mean) and 99.9% error over all iterations, the median,
   * and the raw iterations per fork.
   */
  record Figure(double score, double error, double median, String unit, List<double[]> forks) {

    static Figure of(JsonNode metric) {
      if (metric.isMissingNode()) {
        return null;
      }
      List<double[]> forks = new ArrayList<>();
      for (JsonNode fork : metric.path("rawData")) {
        double[] values = new double[fork.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = fork.get(i).asDouble();
        }
        forks.add(values);
      }
      return new Figure(metric.path("score").asDouble(Double.NaN),
          metric.path("scoreError").asDouble(Double.NaN),
          metric.path("scorePercentiles").path("50.0").asDouble(Double.NaN),
          metric.path("scoreUnit").asText(), forks);
    }

    /** Returns the median of one fork's iterations. */
    double forkMedian(int fork) {
      return new ListStatistics(forks.get(fork)).getPercentile(50);
    }

    /** Returns the mean of one fork's iterations. */
    double forkMean(int fork) {
      return new ListStatistics(forks.get(fork)).getMean();
    }
  }

  /**
   * One contender in one scenario.
   *
   * @param contender its name
   * @param time the primary result
   * @param cpu {@link CpuTimeProfiler}'s ns/op, or null
   * @param alloc {@code gc.alloc.rate.norm} in B/op, or null
   */
  record Row(String contender, Figure time, Figure cpu, Figure alloc) {
  }

  /**
   * One scenario.
   *
   * @param name the benchmark class without "Benchmark"
   * @param label the name and any other parameter
   * @param rows per contender
   * @param settings how each fork ran it
   */
  record Scenario(String name, String label, Map<String, Row> rows, Set<String> settings) {

    void add(String contender, JsonNode entry) {
      JsonNode secondary = entry.path("secondaryMetrics");
      rows.put(contender, new Row(contender, Figure.of(entry.path("primaryMetric")),
          Figure.of(secondary.path(CpuTimeProfiler.METRIC)),
          Figure.of(secondary.path("gc.alloc.rate.norm"))));
      settings.add(settings(entry));
    }

    /** Returns a contender's row, or null. */
    Row row(String contender) {
      return rows.get(contender);
    }

    private String settings(JsonNode entry) {
      String measured = entry.path("measurementIterations").asInt() + " x "
          + entry.path("measurementTime").asText();
      String warmup = entry.path("warmupIterations").asInt() + " x "
          + entry.path("warmupTime").asText();
      if (entry.path("mode").asText().equals("ss")) {
        measured = entry.path("measurementIterations").asInt() + " shots";
        warmup = entry.path("warmupIterations").asInt() + " shots";
      }
      return name + " " + entry.path("forks").asInt() + " forks per contender, each " + warmup
          + " warm-up, " + measured + " measured, "
          + entry.path("threads").asInt() + " thread(s)";
    }
  }
}
