package dev.apikeys.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The command line of {@link InterleavedRun}: its own {@code --name value} options, then JMH's.
 *
 * @param rounds rounds; each runs every scenario's contenders once
 * @param scenarios scenario names: the benchmark class without "Benchmark"
 * @param contenders the contenders, in the first round's order
 * @param out the JSON file to write
 * @param server a running canned server to use, or null to start one
 * @param jmh the JMH options given, applied to every fork
 * @param argv the whole command line, for the record
 */
record InterleavedRunArgs(int rounds, List<String> scenarios, List<String> contenders,
    Path out, URI server, CommandLineOptions jmh, List<String> argv) {

  /** The scenarios of the standard per-call run. */
  static final String PER_CALL = "RetrieveOneThread,RetrieveEightThreads,ListPage";

  /**
   * Parses a command line.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  static InterleavedRunArgs parse(String... argv) throws CommandLineOptionException {
    int rounds = 10;
    String scenarios = PER_CALL;
    String contenders = ContenderCalls.ALL;
    String out = "interleaved.json";
    String server = null;
    List<String> jmh = new ArrayList<>();
    for (int i = 0; i < argv.length; i++) {
      String value = i + 1 < argv.length ? argv[i + 1] : null;
      switch (argv[i]) {
        case "--rounds" -> rounds = Integer.parseInt(required(argv[i], value));
        case "--scenarios" -> scenarios = required(argv[i], value);
        case "--contenders" -> contenders = required(argv[i], value);
        case "--out" -> out = required(argv[i], value);
        case "--server" -> server = required(argv[i], value);
        default -> {
          jmh.add(argv[i]);
          continue;
        }
      }
      i++;
    }
    CommandLineOptions jmhOptions = new CommandLineOptions(jmh.toArray(new String[0]));
    if (!jmhOptions.getIncludes().isEmpty() || jmhOptions.getResult().hasValue()
        || jmhOptions.getResultFormat().hasValue()) {
      throw new IllegalArgumentException("give scenarios with --scenarios and the result file"
          + " with --out, not as JMH options: " + jmh);
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be at least 1; was " + rounds);
    }
    return new InterleavedRunArgs(rounds, List.of(scenarios.split(",")),
        List.of(contenders.split(",")), Path.of(out), server == null ? null : URI.create(server),
        jmhOptions, Arrays.asList(argv));
  }

  private static String required(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return value;
  }
}
