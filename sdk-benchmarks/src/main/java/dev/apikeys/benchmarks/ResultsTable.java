package dev.apikeys.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints JMH JSON result files, one per JDK, as the Markdown of BENCHMARKS.md: first the
 * targets side by side (one column per JDK), then per JDK its {@code java -version}, the
 * command that made it, how it ran, and one table: per scenario and contender the median time
 * with JMH's mean and 99.9% error, the ratio of medians to the floor and to the peer (with the
 * 95% interval of the per-round ratios, see {@link Ratio}), CPU time per operation and its
 * ratio to the floor, and allocation per operation and its ratio to the floor.
 *
 * <pre>java -cp sdk-benchmarks/target/benchmarks.jar dev.apikeys.benchmarks.ResultsTable
 *     jdk17.json [jdk25.json,jdk25-vt.json ...]</pre>
 *
 * <p>Files joined by a comma are one JDK's run, one table.
 */
public final class ResultsTable {

  private ResultsTable() {
  }

  /**
   * Prints the Markdown.
   *
   * @param args the JSON files, one argument per JDK (files joined by commas)
   * @throws IOException if one cannot be read
   */
  public static void main(String[] args) throws IOException {
    List<RunFile> runs = new ArrayList<>();
    for (String arg : args) {
      List<Path> files = new ArrayList<>();
      for (String file : arg.split(",")) {
        files.add(Path.of(file));
      }
      runs.add(RunFile.read(files));
    }
    print(runs, System.out);
  }

  /** Prints the Markdown of some runs. */
  static void print(List<RunFile> runs, PrintStream out) {
    printTargets(runs, out);
    for (RunFile run : runs) {
      out.println();
      printRun(run, out);
    }
  }

  private static void printTargets(List<RunFile> runs, PrintStream out) {
    StringBuilder header = new StringBuilder("| target |");
    StringBuilder rule = new StringBuilder("| --- |");
    List<List<Targets.Outcome>> outcomes = new ArrayList<>();
    for (RunFile run : runs) {
      header.append(' ').append(run.jdk()).append(" |");
      rule.append(" --- |");
      outcomes.add(Targets.judge(run));
    }
    out.println(header);
    out.println(rule);
    for (int t = 0; t < outcomes.get(0).size(); t++) {
      StringBuilder line = new StringBuilder("| ").append(outcomes.get(0).get(t).target())
          .append(" |");
      for (List<Targets.Outcome> run : outcomes) {
        Targets.Outcome outcome = run.get(t);
        line.append(" **").append(outcome.verdict()).append("**")
            .append(outcome.evidence().isEmpty() ? "" : ": " + outcome.evidence()).append(" |");
      }
      out.println(line);
    }
  }

  private static void printRun(RunFile run, PrintStream out) {
    out.println("### " + run.jdk());
    out.println();
    out.println("```");
    out.println("$ java -version");
    out.println(run.javaVersion());
    if (run.command() != null) {
      out.println("$ " + run.command());
    }
    out.println("```");
    out.println();
    out.println(run.conduct() + ".");
    out.println();
    out.println("| scenario | contender | median | mean ± error (99.9%) | × floor [95%] | × peer"
        + " | CPU/op | CPU × floor | alloc/op | alloc × floor |");
    out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (RunFile.Scenario scenario : run.scenarios()) {
      RunFile.Row floor = scenario.row("floor");
      RunFile.Row peer = scenario.row("peer");
      for (RunFile.Row row : scenario.rows().values()) {
        out.println(row(scenario.label(), row, floor, peer));
      }
    }
    out.println();
    Targets.judge(run).forEach(outcome -> out.println(outcome.line()));
  }

  private static String row(String scenario, RunFile.Row row, RunFile.Row floor,
      RunFile.Row peer) {
    RunFile.Figure time = row.time();
    return String.join(" | ", "| " + scenario, row.contender(),
        number(time.median()) + " " + time.unit(),
        number(time.score()) + " ± " + number(time.error()),
        floor == null ? "" : Ratio.ofTime(time, floor.time()).toString(),
        peer == null ? "" : Ratio.ofTime(time, peer.time()).toString(),
        row.cpu() == null ? "" : nanos(row.cpu().score()) + " ± " + nanos(row.cpu().error()),
        row.cpu() == null || floor == null || floor.cpu() == null ? ""
            : Ratio.ofCpu(row.cpu(), floor.cpu()).toString(),
        row.alloc() == null ? "" : bytes(row.alloc().score()),
        row.alloc() == null || floor == null || floor.alloc() == null ? ""
            : Ratio.ofAllocation(row.alloc(), floor.alloc()).toString()) + " |";
  }

  /** Formats a figure: thousands separated, no decimals from 100, one below. */
  static String number(double value) {
    return Double.isNaN(value) ? "n/a"
        : String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%,.0f" : "%,.1f", value);
  }

  /** Formats nanoseconds in us, ms or s. */
  static String nanos(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (value >= 1e9) {
      return String.format(Locale.ROOT, "%.2f s", value / 1e9);
    }
    return value >= 1e6 ? number(value / 1e6) + " ms" : number(value / 1e3) + " us";
  }

  /** Formats bytes in kB or MB. */
  static String bytes(double value) {
    return value >= 1e6 ? String.format(Locale.ROOT, "%.2f MB", value / 1e6)
        : String.format(Locale.ROOT, "%.1f kB", value / 1e3);
  }
}
