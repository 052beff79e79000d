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
 * Starts {@link ColdStartMain} in a new JVM, with this JVM's class path and the JVM's default
 * options, and reads the line it prints after its first call.
 */
final class ColdStartLauncher {

  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  private final Process process;

  private ColdStartLauncher(Process process) {
    this.process = process;
  }

  /** Starts the JVM for a contender; see {@link ColdStartMain#main(String[])}. */
  static ColdStartLauncher start(String contender, URI baseUrl) {
    ProcessBuilder builder = new ProcessBuilder(JAVA, "-cp", System.getProperty("java.class.path"),
        ColdStartMain.class.getName(), contender, baseUrl.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      return new ColdStartLauncher(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + JAVA, e);
    }
  }

  /** Waits for the line the JVM prints after its first call. */
  String firstLine() {
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("the JVM printed nothing; exit code " + awaitExit());
      }
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the JVM to exit, at most 30 s, and returns its exit code. */
  int awaitExit() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("the JVM did not exit within 30 s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the JVM", e);
    }
  }
}
