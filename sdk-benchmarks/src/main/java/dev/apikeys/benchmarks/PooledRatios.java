package dev.apikeys.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Pools the rounds of several runs of one JDK: the per-round ratios of one contender to
 * another, in time (fork medians) and CPU time (fork means), from every file, with their
 * geometric mean and the 95% Student's t interval, as {@link Ratio} computes for one run. Two
 * runs of 8 and 5 rounds give 13 ratios, an interval a third narrower than either's.
 *
 * <pre>java -cp sdk-benchmarks/target/benchmarks.jar dev.apikeys.benchmarks.PooledRatios
 *     RetrieveOneThread,RetrieveThirtyTwoThreads jdk17.json jdk17-timeout.json</pre>
 */
public final class PooledRatios {

  private PooledRatios() {
  }

  /**
   * Prints a line per scenario: the SDK over the floor, in time and CPU time.
   *
   * @param args the scenarios, comma-separated, then the JSON files
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    List<RunFile> runs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      runs.add(RunFile.read(Path.of(args[i])));
    }
    for (String scenario : args[0].split(",")) {
      System.out.println(line(runs, scenario));
    }
  }

  /** Returns "scenario: n rounds, time 1.06 [0.95, 1.18], CPU time ...". */
  static String line(List<RunFile> runs, String scenario) {
    List<Double> time = logRatios(runs, scenario, RunFile.Row::time, RunFile.Figure::forkMedian);
    List<Double> cpu = logRatios(runs, scenario, RunFile.Row::cpu, RunFile.Figure::forkMean);
    return String.format(Locale.ROOT, "%s, sdk over floor: %d rounds, time %s, CPU time %s",
        scenario, time.size(), interval(time), interval(cpu));
  }

  private static List<Double> logRatios(List<RunFile> runs, String scenario,
      Function<RunFile.Row, RunFile.Figure> figure,
      BiFunction<RunFile.Figure, Integer, Double> perFork) {
    List<Double> logs = new ArrayList<>();
    for (RunFile run : runs) {
      RunFile.Scenario found = run.scenario(scenario);
      if (found == null || found.row("sdk") == null || found.row("floor") == null) {
        continue;
      }
      RunFile.Figure sdk = figure.apply(found.row("sdk"));
      RunFile.Figure floor = figure.apply(found.row("floor"));
      int rounds = Math.min(sdk.forks().size(), floor.forks().size());
      for (int i = 0; i < rounds; i++) {
        logs.add(Math.log(perFork.apply(sdk, i) / perFork.apply(floor, i)));
      }
    }
    return logs;
  }

  private static String interval(List<Double> logs) {
    if (logs.size() < 3) {
      return "n/a";
    }
    ListStatistics statistics = new ListStatistics();
    logs.forEach(statistics::addValue);
    double mean = statistics.getMean();
    double half = statistics.getMeanErrorAt(0.95);
    return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", Math.exp(mean),
        Math.exp(mean - half), Math.exp(mean + half));
  }
}
