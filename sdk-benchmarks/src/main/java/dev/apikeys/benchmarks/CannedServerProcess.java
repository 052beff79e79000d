package dev.apikeys.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link CannedServerMain} in a new JVM (this JVM's {@code java} and class path) and
 * stops it on {@link #close()}.
 */
final class CannedServerProcess implements AutoCloseable {

  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private final Process process;
  private final URI baseUri;

  private CannedServerProcess(Process process, URI baseUri) {
    this.process = process;
    this.baseUri = baseUri;
  }

  /**
   * Starts a server and waits until it listens.
   *
   * @param pageSize keys per page
   * @param pageCount pages in the listing
   */
  static CannedServerProcess start(int pageSize, int pageCount) {
    ProcessBuilder builder = new ProcessBuilder(JAVA,
        "-cp", System.getProperty("java.class.path"), CannedServerMain.class.getName(),
        Integer.toString(pageSize), Integer.toString(pageCount))
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + JAVA, e);
    }
    try {
      String line = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8)).readLine();
      if (line == null) {
        throw new IllegalStateException("the server JVM printed no URL and ended");
      }
      return new CannedServerProcess(process, URI.create(line));
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw new IllegalStateException("the server JVM did not start", e);
    }
  }

  /** Returns the base URL to give a client. */
  URI baseUri() {
    return baseUri;
  }

  /** Returns whether the server's JVM is running. */
  boolean isAlive() {
    return process.isAlive();
  }

  /** Closes the server's input, which ends it; forces it after 10 s. */
  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
