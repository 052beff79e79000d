package dev.apikeys.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/**
 * {@link RetrieveBenchmark} from 32 threads sharing one client on 2 cores: the cost per call
 * under contention, where the client's own CPU use and locking show.
 */
@Threads(32)
public class RetrieveThirtyTwoThreadsBenchmark extends RetrieveBenchmark {
}
