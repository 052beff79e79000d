package dev.apikeys.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which threads a test started and left behind. Taken before the test; after it,
 * {@link #awaitNoneLeftButJdkHttpClient(Duration, int)} waits, up to a bound, for every new thread
 * to end, except those of the JDK's HttpClient, which outlive any one client by design.
 *
 * <p>The exempt threads, by name: {@code HttpClient-<n>-SelectorManager}, the one I/O thread of
 * HttpClient number {@code n}, which ends only when that HttpClient is garbage collected
 * (Java 17's HttpClient has no {@code close()}); and {@code HttpClient-<n>-Worker-<m>}, the
 * threads of its default executor, a cached pool whose idle threads end after 60 seconds.
 * The SDK creates one HttpClient per client built and shares it with derived clients, so each
 * exempt thread must belong to one of the HttpClients that the test created: an HttpClient per
 * call, or a thread of any other name, would still be caught.
 *
 * <p>Also exempt: {@code ForkJoinPool.commonPool-worker-<m>}, the JVM's shared pool, which the
 * JDK's HttpClient itself uses to complete the future of {@code sendAsync} (its
 * {@code ASYNC_POOL}; seen starting the pool's first worker from {@code HttpClient-<n>-Worker}
 * on Java 25); its idle workers end after 60 seconds. The SDK never submits work to it.
 */
final class ThreadCensus {

  private static final Pattern JDK_HTTP_CLIENT =
      Pattern.compile("HttpClient-(\\d+)-(SelectorManager|Worker-\\d+)");
  private static final Pattern COMMON_POOL =
      Pattern.compile("ForkJoinPool\\.commonPool-worker-\\d+");

  private final Set<Thread> before;

  private ThreadCensus(Set<Thread> before) {
    this.before = before;
  }

  /** Takes the census: every thread alive now. */
  static ThreadCensus take() {
    return new ThreadCensus(Set.copyOf(Thread.getAllStackTraces().keySet()));
  }

  /**
   * Waits up to {@code bound} until no thread started since the census is alive, apart from
   * the JDK HttpClient's, and returns the names of those.
   *
   * @param maxHttpClients how many JDK HttpClients the test may have created
   * @throws AssertionError naming the threads still alive after the bound
   */
  List<String> awaitNoneLeftButJdkHttpClient(Duration bound, int maxHttpClients) {
    try {
      Await.until("threads started by the test end", bound, () -> others().isEmpty());
    } catch (AssertionError e) {
      throw new AssertionError("threads left behind: " + others(), e);
    }
    List<String> exempt = started().stream().map(Thread::getName)
        .filter(ThreadCensus::isExempt).sorted().toList();
    Set<String> clients = exempt.stream()
        .filter(name -> JDK_HTTP_CLIENT.matcher(name).matches())
        .map(ThreadCensus::clientNumber).collect(Collectors.toSet());
    assertTrue(clients.size() <= maxHttpClients,
        "threads of more JDK HttpClients than the test created: " + exempt);
    return exempt;
  }

  private List<Thread> started() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.isAlive()).toList();
  }

  private List<String> others() {
    return started().stream().map(Thread::getName).filter(name -> !isExempt(name)).sorted()
        .toList();
  }

  private static boolean isExempt(String name) {
    return JDK_HTTP_CLIENT.matcher(name).matches() || COMMON_POOL.matcher(name).matches();
  }

  private static String clientNumber(String threadName) {
    var matcher = JDK_HTTP_CLIENT.matcher(threadName);
    return matcher.matches() ? matcher.group(1) : threadName;
  }
}
