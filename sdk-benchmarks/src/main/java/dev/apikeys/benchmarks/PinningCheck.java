package dev.apikeys.benchmarks;

import java.util.concurrent.ExecutorService;

/**
 * The pinning check, JDK 21 and newer: {@code calls} retrieves in flight
 * at once from virtual threads on one client, from the first call on, under a JFR recording of
 * {@code jdk.VirtualThreadPinned} (threshold 0), then the same again on the warm client under a
 * second recording. Prints the counts and the stacks of the second batch's pins with an SDK
 * frame, and exits with status 1 if there is any. The first batch's pins are printed as a count:
 * a virtual thread pins its carrier while it loads or initialises a class (still so on JDK 25),
 * and the first calls load the SDK's, Jackson's and the HTTP client's classes.
 *
 * <pre>java -cp sdk-benchmarks/target/benchmarks.jar dev.apikeys.benchmarks.PinningCheck
 *     [contender (sdk)] [calls (10000)]</pre>
 */
public final class PinningCheck {

  private PinningCheck() {
  }

  /**
   * Runs the check against a canned server in another JVM.
   *
   * @param args the contender and the number of calls, both optional
   * @throws Exception if the calls fail
   */
  public static void main(String[] args) throws Exception {
    String contender = args.length > 0 ? args[0] : "sdk";
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    PinnedEvents.Count first;
    PinnedEvents.Count warm;
    try (CannedServerProcess server = CannedServerProcess.start(1, 1);
        ContenderCalls client = ContenderCalls.open(contender, server.baseUri(),
            builder -> builder.maxConcurrentRequests(calls))) {
      first = run(client, calls);
      warm = run(client, calls);
    }
    warm.sdkStacks().forEach(System.out::println);
    System.out.printf("%s, %d calls in flight from virtual threads on %s: first batch %d pinned"
            + " events (%d with an SDK frame), warm batch %d (%d with an SDK frame)%n",
        contender, calls, Runtime.version(), first.all(), first.fromSdk(), warm.all(),
        warm.fromSdk());
    System.exit(warm.fromSdk() == 0 ? 0 : 1);
  }

  /**
   * Makes the calls at once and counts the pins.
   *
   * @param client a contender's client (the SDK's maxConcurrentRequests at least {@code calls})
   * @param calls calls in flight at once
   * @return what the recording saw
   * @throws Exception if a call fails
   */
  static PinnedEvents.Count run(ContenderCalls client, int calls) throws Exception {
    ExecutorService virtualThreads = VirtualThreads.perTaskExecutor();
    try (PinnedEvents recording = PinnedEvents.start()) {
      VirtualThreads.inFlightAtOnce(virtualThreads, calls, client.retrieve());
      return recording.stop();
    } finally {
      virtualThreads.shutdownNow();
    }
  }
}
