package dev.apikeys.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/** {@link RetrieveBenchmark} from one thread: the latency of a lone call. */
@Threads(1)
public class RetrieveOneThreadBenchmark extends RetrieveBenchmark {
}
