package dev.apikeys.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/**
 * {@link RetrieveBenchmark} from 8 threads sharing one client on 2 cores: the cost per call
 * under contention, where the client's own CPU use, allocation and locking show.
 */
@Threads(8)
public class RetrieveEightThreadsBenchmark extends RetrieveBenchmark {
}
