package dev.apikeys.benchmarks;

import java.io.IOException;
import java.time.Duration;

/**
 * A {@link CannedApiServer} in a JVM of its own, so that the benchmark's process measures the
 * client alone: its CPU time and allocation hold no server work. Prints the base URL on its
 * first line and serves until its standard input closes (the parent ended or died).
 */
public final class CannedServerMain {

  private CannedServerMain() {
  }

  /**
   * Serves.
   *
   * @param args keys per page and pages in the listing
   * @throws IOException if no port can be bound
   */
  public static void main(String[] args) throws IOException {
    CannedPages pages = new CannedPages(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
    try (CannedApiServer server = CannedApiServer.start(pages, Duration.ZERO)) {
      System.out.println(server.baseUri());
      System.out.flush();
      while (System.in.read() != -1) {
        // Nothing to read: the end of the input is the signal to stop.
      }
    }
  }
}
