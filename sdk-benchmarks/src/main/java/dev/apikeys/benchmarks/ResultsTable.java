package dev.apikeys.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Prints a JMH JSON result file ({@code -rf json}) as the Markdown table of BENCHMARKS.md: per
 * scenario and contender the score with its 99.9% error, the median, the allocation per
 * operation when {@code -prof gc} ran, and the medians' ratios to the floor and to the peer.
 */
public final class ResultsTable {

  private ResultsTable() {
  }

  /**
   * Prints the table.
   *
   * @param args the path of the JSON file
   * @throws IOException if it cannot be read
   */
  public static void main(String[] args) throws IOException {
    JsonNode runs = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    Map<String, Map<String, JsonNode>> scenarios = new LinkedHashMap<>();
    for (JsonNode run : runs) {
      String name = run.get("benchmark").asText();
      String scenario = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1,
          name.lastIndexOf('.')).replace("Benchmark", "");
      scenarios.computeIfAbsent(scenario, s -> new LinkedHashMap<>())
          .put(name.substring(name.lastIndexOf('.') + 1), run);
    }
    System.out.println("| scenario | contender | score ± error (99.9%) | median | unit"
        + " | alloc/op | median × floor | median × peer |");
    System.out.println("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: |");
    scenarios.forEach((scenario, contenders) -> contenders.forEach((contender, run) ->
        System.out.println(row(scenario, contender, run, contenders))));
  }

  private static String row(String scenario, String contender, JsonNode run,
      Map<String, JsonNode> contenders) {
    JsonNode metric = run.get("primaryMetric");
    double median = median(run);
    JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm");
    return String.format(Locale.ROOT, "| %s | %s | %s ± %s | %s | %s | %s | %s | %s |",
        scenario, contender, number(metric.get("score").asDouble()),
        number(metric.get("scoreError").asDouble()), number(median),
        metric.get("scoreUnit").asText(),
        alloc.isMissingNode() ? "" : bytes(alloc.get("score").asDouble()),
        ratio(median, contenders.get("floor")), ratio(median, contenders.get("peer")));
  }

  private static double median(JsonNode run) {
    return run.get("primaryMetric").get("scorePercentiles").get("50.0").asDouble();
  }

  private static String ratio(double median, JsonNode reference) {
    double base = reference == null ? Double.NaN : median(reference);
    return Double.isNaN(base) || base == 0 ? "" : String.format(Locale.ROOT, "%.2f", median / base);
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "n/a"
        : String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.1f", value);
  }

  private static String bytes(double value) {
    return value >= 1e6 ? String.format(Locale.ROOT, "%.2f MB", value / 1e6)
        : String.format(Locale.ROOT, "%.1f kB", value / 1e3);
  }
}
