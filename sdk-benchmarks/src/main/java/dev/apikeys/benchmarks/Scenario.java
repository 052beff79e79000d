package dev.apikeys.benchmarks;

import java.io.IOException;
import java.time.Duration;

/** A canned server and the three contenders connected to it; closing stops both. */
public final class Scenario implements AutoCloseable {

  private final CannedApiServer server;
  private final Contenders contenders;

  private Scenario(CannedApiServer server, Contenders contenders) {
    this.server = server;
    this.contenders = contenders;
  }

  /**
   * Starts the server and connects the contenders.
   *
   * @param pages what the server answers
   * @param latency how long the server waits before each answer
   * @throws IOException if the server cannot start
   */
  public static Scenario start(CannedPages pages, Duration latency) throws IOException {
    CannedApiServer server = CannedApiServer.start(pages, latency);
    return new Scenario(server, Contenders.connectTo(server.baseUri()));
  }

  /** Returns the contenders. */
  public Contenders contenders() {
    return contenders;
  }

  /** Returns the server. */
  public CannedApiServer server() {
    return server;
  }

  @Override
  public void close() {
    contenders.close();
    server.close();
  }
}
