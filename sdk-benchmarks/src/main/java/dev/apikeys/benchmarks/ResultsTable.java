package dev.apikeys.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints JMH JSON result files, one per JDK, as Markdown: per JDK its {@code java -version},
 * the command that made it, how it ran, and one table. Per scenario and contender: the median
 * time, CPU time and allocation per operation; the time over the raw socket's ({@code raw},
 * the limit); and time, CPU and allocation over the contender's own HTTP library used by hand
 * (the SDK on the JDK over {@code floor}, the SDK on Apache over {@code apache}), each ratio
 * with the 95% interval of the per-round ratios ({@link Ratio}). Pins are printed for the
 * virtual-thread scenario.
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
    for (RunFile run : runs) {
      printRun(run, out);
      out.println();
    }
  }

  /** Returns the contender whose library {@code contender} runs on, or null for none. */
  static String byHand(String contender) {
    if (contender.startsWith("sdkApache")) {
      return contender.endsWith("Async") ? "apacheAsync" : "apache";
    }
    return contender.startsWith("sdk") || contender.equals("peer") ? "floor" : null;
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
    out.println("| scenario | contender | median | CPU/op | alloc/op | time × raw [95%]"
        + " | time × by hand | CPU × by hand | alloc × by hand |");
    out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (RunFile.Scenario scenario : run.scenarios()) {
      RunFile.Row raw = scenario.row("raw");
      for (RunFile.Row row : scenario.rows().values()) {
        String hand = byHand(row.contender());
        out.println(row(scenario.label(), row, raw, hand == null ? null : scenario.row(hand)));
      }
    }
  }

  private static String row(String scenario, RunFile.Row row, RunFile.Row raw,
      RunFile.Row hand) {
    RunFile.Figure time = row.time();
    return String.join(" | ", "| " + scenario, row.contender(),
        number(time.median()) + " " + time.unit(),
        row.cpu() == null ? "" : nanos(row.cpu().score()),
        row.alloc() == null ? "" : bytes(row.alloc().score()),
        raw == null ? "" : Ratio.ofTime(time, raw.time()).toString(),
        hand == null ? "" : Ratio.ofTime(time, hand.time()).toString(),
        row.cpu() == null || hand == null || hand.cpu() == null ? ""
            : Ratio.ofCpu(row.cpu(), hand.cpu()).toString(),
        row.alloc() == null || hand == null || hand.alloc() == null ? ""
            : Ratio.ofAllocation(row.alloc(), hand.alloc()).toString()) + " |";
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
