package dev.apikeys.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks that the servers' packages are installed. When one is missing, the tests that need it
 * are skipped with a message that says how to install it; with the environment variable
 * {@value #REQUIRED_VARIABLE}{@code =true} (as {@code .ci/run} sets) they fail instead.
 */
final class Prerequisites {

  /** The environment variable that turns a missing package from a skip into a failure. */
  static final String REQUIRED_VARIABLE = "APIKEYS_INTEROP_REQUIRED";

  /**
   * Debian's Python, with Debian's packages (a pyenv {@code python3} has none of them); the
   * system property {@code interop.python} names another.
   */
  static final Path PYTHON = Path.of(System.getProperty("interop.python", "/usr/bin/python3"));

  private static final String INSTALL = "apt-get install -y python3-fastapi python3-uvicorn"
      + " python3-hypercorn nginx-light openssl";

  private static final Map<String, Boolean> CHECKED = new ConcurrentHashMap<>();
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private Prerequisites() {
  }

  /**
   * Requires Python modules importable by {@link #PYTHON}.
   *
   * @param packages the Debian packages that bring them, for the message
   * @param modules the modules, such as {@code fastapi}
   */
  static void requirePython(String packages, String... modules) {
    String imports = String.join(", ", modules);
    boolean present = CHECKED.computeIfAbsent(imports,
        key -> Files.isExecutable(PYTHON) && succeeds(PYTHON.toString(), "-c", "import " + key));
    require(present, PYTHON + " cannot import " + imports + " (Debian packages " + packages + ")");
  }

  /**
   * Requires an executable.
   *
   * @param executable its absolute path
   * @param debianPackage the Debian package that brings it, for the message
   */
  static void requireExecutable(Path executable, String debianPackage) {
    require(Files.isExecutable(executable),
        executable + " is missing (Debian package " + debianPackage + ")");
  }

  private static void require(boolean present, String problem) {
    boolean required = Boolean.parseBoolean(System.getenv(REQUIRED_VARIABLE));
    if (!present && !required && WARNED.add(problem)) {
      // Surefire shows no reason for a class skipped in beforeAll: say it once on the console.
      System.err.println("[interop] " + skipMessage(problem));
    }
    require(present, problem, required);
  }

  /**
   * Returns when something is present; else skips the test, or fails it when it is required.
   *
   * @param present whether it is there
   * @param problem what is missing, for the message
   * @param required whether to fail instead of skipping
   * @throws org.opentest4j.TestAbortedException if it is missing and not required
   * @throws IllegalStateException if it is missing and required
   */
  static void require(boolean present, String problem, boolean required) {
    if (present) {
      return;
    }
    if (required) {
      throw new IllegalStateException(
          message(problem) + " (" + REQUIRED_VARIABLE + "=true: failing)");
    }
    Assumptions.abort(skipMessage(problem));
  }

  private static String skipMessage(String problem) {
    return message(problem) + " (skipped; " + REQUIRED_VARIABLE + "=true fails instead)";
  }

  private static String message(String problem) {
    return "interop tests need real servers: " + problem + ". Install them with: " + INSTALL;
  }

  private static boolean succeeds(String... command) {
    try {
      Process process = new ProcessBuilder(List.of(command))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
