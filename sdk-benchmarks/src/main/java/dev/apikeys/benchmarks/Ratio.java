package dev.apikeys.benchmarks;

import java.util.Locale;
import java.util.function.BiFunction;
import org.openjdk.jmh.util.ListStatistics;

/**
 * A contender's figure over a reference's, with an interval.
 *
 * <p>Time and CPU time are paired by fork: fork {@code i} of each contender ran in the same
 * round of an {@link InterleavedRun}, minutes apart at most, so the ratio of fork {@code i}'s
 * figures holds little of the load that drifted between rounds. The interval is Student's t
 * over those per-round log ratios (as JMH's error is over iterations), put around the point
 * ratio, at 95%: with 5 rounds, Student's t at 99.9% (JMH's level for one score) is 8.6, which
 * leaves any interval too wide to tell anything. With fewer than 3 rounds there is no interval
 * (JMH gives no error below 3 samples).
 * Allocation, which load does not move, takes JMH's own errors at their worst:
 * (a ± error) / (b ∓ error).
 *
 * @param point the ratio
 * @param low the interval's low end, or NaN
 * @param high the interval's high end, or NaN
 */
record Ratio(double point, double low, double high) {

  private static final double CONFIDENCE = 0.95;

  /** The ratio of medians of time, with the interval of per-round ratios of fork medians. */
  static Ratio ofTime(RunFile.Figure a, RunFile.Figure b) {
    return paired(a.median() / b.median(), a, b, RunFile.Figure::forkMedian);
  }

  /** The ratio of means of CPU time, with the interval of per-round ratios of fork means. */
  static Ratio ofCpu(RunFile.Figure a, RunFile.Figure b) {
    return paired(a.score() / b.score(), a, b, RunFile.Figure::forkMean);
  }

  /** The ratio of means of allocation, with JMH's errors at their worst. */
  static Ratio ofAllocation(RunFile.Figure a, RunFile.Figure b) {
    return new Ratio(a.score() / b.score(), (a.score() - a.error()) / (b.score() + b.error()),
        (a.score() + a.error()) / (b.score() - b.error()));
  }

  private static Ratio paired(double point, RunFile.Figure a, RunFile.Figure b,
      BiFunction<RunFile.Figure, Integer, Double> perFork) {
    int rounds = Math.min(a.forks().size(), b.forks().size());
    if (rounds < 3) {
      return new Ratio(point, Double.NaN, Double.NaN);
    }
    double[] logRatios = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      logRatios[i] = Math.log(perFork.apply(a, i) / perFork.apply(b, i));
    }
    double half = new ListStatistics(logRatios).getMeanErrorAt(CONFIDENCE);
    return new Ratio(point, point * Math.exp(-half), point * Math.exp(half));
  }

  /** Returns "1.03 [0.99, 1.07]", or "1.03" without an interval. */
  @Override
  public String toString() {
    if (Double.isNaN(low)) {
      return String.format(Locale.ROOT, "%.2f", point);
    }
    return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", point, low, high);
  }
}
