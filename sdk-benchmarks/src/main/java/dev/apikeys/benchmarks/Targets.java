package dev.apikeys.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets of issue 14, judged from one run's data. A target is met when the whole interval
 * of its ratio (95% for time, JMH's 99.9% errors for allocation, see {@link Ratio}) is within
 * it, not met when the whole interval is beyond it, and undecided otherwise: the run cannot
 * tell, and needs more rounds or a quieter machine.
 */
final class Targets {

  private static final String[] ALLOCATION_SCENARIOS =
      {"RetrieveOneThread", "RetrieveThirtyTwoThreads", "ListPage", "VirtualThreads"};

  private Targets() {
  }

  /**
   * One target's outcome in one run.
   *
   * @param target what is asked
   * @param verdict met, not met, undecided, or "not measured"
   * @param evidence the figures behind it
   */
  record Outcome(String target, String verdict, String evidence) {

    /** Returns the verdict line of BENCHMARKS.md. */
    String line() {
      return "- " + target + ": **" + verdict + "**" + (evidence.isEmpty() ? "" : ": " + evidence);
    }
  }

  /** Judges every target. */
  static List<Outcome> judge(RunFile run) {
    List<Outcome> outcomes = new ArrayList<>();
    outcomes.add(time(run, "RetrieveOneThread", "retrieve, 1 thread: time <= 1.05x floor", 1.05));
    outcomes.add(time(run, "RetrieveThirtyTwoThreads",
        "retrieve, 32 threads: time <= 1.05x floor", 1.05));
    outcomes.add(time(run, "ListPage", "1000-key page: time <= 1.00x floor", 1.00));
    outcomes.add(allocation(run));
    outcomes.add(virtualThreads(run));
    return outcomes;
  }

  private static Outcome time(RunFile run, String scenario, String target, double limit) {
    RunFile.Row sdk = row(run, scenario, "sdk");
    RunFile.Row floor = row(run, scenario, "floor");
    if (sdk == null || floor == null) {
      return new Outcome(target, "not measured", "");
    }
    Ratio time = Ratio.ofTime(sdk.time(), floor.time());
    String cpu = "";
    if (sdk.cpu() != null && floor.cpu() != null) {
      Ratio cpuRatio = Ratio.ofCpu(sdk.cpu(), floor.cpu());
      cpu = "; CPU time " + cpuRatio + " (" + cpuRatio.against(limit) + ")";
    }
    return new Outcome(target, time.against(limit).toString(), "median time " + time + cpu);
  }

  private static Outcome allocation(RunFile run) {
    String target = "allocation per call within 5% of the floor's";
    List<String> evidence = new ArrayList<>();
    Ratio.Verdict worst = null;
    for (String scenario : ALLOCATION_SCENARIOS) {
      RunFile.Row sdk = row(run, scenario, "sdk");
      RunFile.Row floor = row(run, scenario, "floor");
      if (sdk == null || floor == null || sdk.alloc() == null || floor.alloc() == null) {
        continue;
      }
      Ratio ratio = Ratio.ofAllocation(sdk.alloc(), floor.alloc());
      Ratio.Verdict verdict = ratio.against(1.05);
      evidence.add(scenario + " " + ratio + " (" + ResultsTable.bytes(sdk.alloc().score())
          + " vs " + ResultsTable.bytes(floor.alloc().score()) + ")");
      worst = worst == null || verdict.ordinal() > worst.ordinal() ? verdict : worst;
    }
    return worst == null ? new Outcome(target, "not measured", "")
        : new Outcome(target, worst.toString(), String.join("; ", evidence));
  }

  private static Outcome virtualThreads(RunFile run) {
    String target = "10,000 calls in flight on virtual threads: time <= 1.10x floor, no pinned"
        + " SDK frame once warm (class loading aside)";
    RunFile.Row sdk = row(run, "VirtualThreads", "sdk");
    RunFile.Row floor = row(run, "VirtualThreads", "floor");
    if (sdk == null || floor == null) {
      return new Outcome(target, "not measured", "");
    }
    Ratio time = Ratio.ofTime(sdk.time(), floor.time());
    Ratio.Verdict verdict = time.against(1.10);
    String pins;
    if (sdk.pinnedSdk() == null) {
      pins = "pins not recorded (run with PinnedThreadsProfiler)";
      verdict = verdict == Ratio.Verdict.NOT_MET ? verdict : Ratio.Verdict.UNDECIDED;
    } else {
      double measured = sdk.pinnedSdkMeasured() == null ? sdk.pinnedSdk().max()
          : sdk.pinnedSdkMeasured().max();
      double other = sdk.pinnedSdkMeasuredOther() == null ? measured
          : sdk.pinnedSdkMeasuredOther().max();
      RunFile.Row floorPins = floor.pinnedAll() == null ? null : floor;
      pins = String.format(Locale.ROOT, "pinned events with an SDK frame in measured batches:"
              + " %.0f, of which %.0f not loading a class; in the whole fork, warm-up (class"
              + " loading) included: %.0f of %.0f%s",
          measured, other, sdk.pinnedSdk().max(), sdk.pinnedAll().max(), floorPins == null ? ""
              : String.format(Locale.ROOT, " (floor: %.0f)", floorPins.pinnedAll().max()));
      verdict = other > 0 ? Ratio.Verdict.NOT_MET : verdict;
    }
    return new Outcome(target, verdict.toString(), "median time " + time + "; " + pins);
  }

  private static RunFile.Row row(RunFile run, String scenario, String contender) {
    RunFile.Scenario found = run.scenario(scenario);
    return found == null ? null : found.row(contender);
  }
}
