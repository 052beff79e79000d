package dev.apikeys.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the per-call scenarios with their contenders interleaved: in each of {@code --rounds}
 * rounds, every scenario runs one fork per contender, one after the other, the contenders'
 * order rotated from round to round. JMH alone runs all forks of one benchmark before the next,
 * so a burst of load from another process lands on one contender; here it is spread over all,
 * and each round's forks, minutes apart at most, can be compared pairwise ({@link RunFile}).
 * Each fork is a new JVM holding one contender, as JMH's own forks are: no contender's JIT
 * profile or threads reach another's.
 *
 * <p>Every fork runs with {@code -prof gc} and {@link CpuTimeProfiler}, against one canned
 * server in its
 * own JVM, started and warmed here and shared by all forks. The forks' results are merged into
 * one JMH JSON file (one entry per scenario and contender, its forks in round order) with the
 * run's command and {@code java -version}, and {@link ResultsTable} prints it.
 *
 * <pre>java -cp sdk-benchmarks/target/benchmarks.jar dev.apikeys.benchmarks.InterleavedRun
 *     [--rounds 10] [--scenarios RetrieveOneThread,RetrieveEightThreads,ListPage]
 *     [--contenders raw,apache,sdkApache,...] [--out interleaved.json] [--server URL]
 *     [JMH options: -wi 3 -w 1s -i 3 -r 1s -f 1 -v NORMAL ...]</pre>
 */
public final class InterleavedRun {

  private static final String PACKAGE = "dev.apikeys.benchmarks.";
  private static final Duration WARM_UP = Duration.ofSeconds(15);
  private static final int WARM_UP_THREADS = 4;

  private final InterleavedRunArgs args;
  private final PrintStream progress;
  private final Map<String, List<BenchmarkResult>> forks = new LinkedHashMap<>();
  private final List<Double> loads = new ArrayList<>();

  /**
   * Prepares a run.
   *
   * @param args the command line
   * @param progress where to print a line per fork
   */
  InterleavedRun(InterleavedRunArgs args, PrintStream progress) {
    this.args = args;
    this.progress = progress;
  }

  /**
   * Runs, writes the JSON file and prints the table.
   *
   * @param argv as in the class comment
   * @throws Exception if a fork fails or the file cannot be written
   */
  public static void main(String[] argv) throws Exception {
    InterleavedRunArgs args = InterleavedRunArgs.parse(argv);
    Path out = new InterleavedRun(args, System.out).run();
    ResultsTable.main(new String[] {out.toString()});
  }

  /** Runs every round and writes the JSON file; returns its path. */
  Path run() throws RunnerException, IOException {
    long start = System.nanoTime();
    if (args.server() != null) {
      return runAgainst(args.server(), start);
    }
    try (CannedServerProcess server = CannedServerProcess.start(ListPageBenchmark.PAGE_SIZE, 1)) {
      warmUp(server.baseUri(), WARM_UP);
      return runAgainst(server.baseUri(), start);
    }
  }

  private Path runAgainst(URI server, long start) throws RunnerException, IOException {
    System.setProperty(PerCallBenchmark.SERVER_PROPERTY, server.toString());
    for (int round = 0; round < args.rounds(); round++) {
      for (String scenario : args.scenarios()) {
        List<String> contenders = args.contenders();
        for (int i = 0; i < contenders.size(); i++) {
          String contender = contenders.get((i + round) % contenders.size());
          runFork(round, scenario, contender, server);
        }
      }
    }
    List<RunResult> merged = new ArrayList<>();
    forks.forEach((key, results) ->
        merged.add(new RunResult(results.get(0).getParams(), results)));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return RunRecord.write(args, merged, took, loads);
  }

  private void runFork(int round, String scenario, String contender, URI server)
      throws RunnerException {
    String benchmark = PACKAGE + scenario + "Benchmark";
    long start = System.nanoTime();
    ChainedOptionsBuilder options = new OptionsBuilder()
        .parent(args.jmh())
        .include("^" + Pattern.quote(benchmark) + "\\.call$")
        .param("contender", contender)
        .forks(args.jmh().getForkCount().orElse(1))
        .jvmArgsPrepend(jvmArgsPrepend(server))
        .addProfiler(GCProfiler.class)
        .addProfiler(CpuTimeProfiler.class)
        .shouldFailOnError(true)
        .verbosity(args.jmh().verbosity().orElse(VerboseMode.SILENT));
    Collection<RunResult> results = new Runner(options.build()).run();
    if (results.isEmpty()) {
      throw new IllegalStateException("no benchmark " + benchmark + ".call: is the scenario"
          + " name right? Known: " + InterleavedRunArgs.PER_CALL);
    }
    for (RunResult result : results) {
      forks.computeIfAbsent(scenario + "/" + contender, key -> new ArrayList<>())
          .addAll(result.getBenchmarkResults());
      loads.add(loadAverage());
      progress.println(progress(round, scenario, contender, result, start));
    }
  }

  /**
   * Warms the shared server with the floor's calls from a few threads, long enough for the
   * server's JIT to compile its paths (tens of thousands of calls), so that no contender meets
   * it cold: with 3 s from one thread, the first fork of the first round was the slowest of its
   * contender's in runs 9 and 10.
   */
  private static void warmUp(URI server, Duration duration) throws IOException {
    FloorClient floor = new FloorClient(server, CannedApiServer.TOKEN);
    long end = System.nanoTime() + duration.toNanos();
    ExecutorService threads = Executors.newFixedThreadPool(WARM_UP_THREADS);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int t = 0; t < WARM_UP_THREADS; t++) {
        calls.add(threads.submit(() -> {
          for (int i = 0; System.nanoTime() < end; i++) {
            if (i % 20 == 0) {
              floor.list(ListPageBenchmark.PAGE_SIZE, null);
            } else {
              floor.retrieve(CannedPages.RETRIEVED_ID);
            }
          }
          return null;
        }));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while warming the server", e);
    } catch (ExecutionException e) {
      throw new IOException("warming the server failed", e.getCause());
    } finally {
      threads.shutdownNow();
    }
  }

  /** The 1-minute load average, for the record of how busy the machine was; NaN if unknown. */
  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private String[] jvmArgsPrepend(URI server) {
    List<String> prepend = new ArrayList<>(args.jmh().getJvmArgsPrepend().orElse(List.of()));
    prepend.add("-D" + PerCallBenchmark.SERVER_PROPERTY + "=" + server);
    return prepend.toArray(new String[0]);
  }

  private String progress(int round, String scenario, String contender, RunResult result,
      long start) {
    Result<?> primary = result.getPrimaryResult();
    Result<?> cpu = result.getSecondaryResults().get(CpuTimeProfiler.METRIC);
    Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
    return String.format(Locale.ROOT, "round %d/%d %s %s: %.1f %s, cpu %.1f us/op,"
            + " alloc %.1f kB/op (%.0f s, load %.1f)", round + 1, args.rounds(), scenario,
        contender, primary.getScore(), primary.getScoreUnit(),
        cpu == null ? Double.NaN : cpu.getScore() / 1e3,
        alloc == null ? Double.NaN : alloc.getScore() / 1e3,
        (System.nanoTime() - start) / 1e9, loads.get(loads.size() - 1));
  }
}
