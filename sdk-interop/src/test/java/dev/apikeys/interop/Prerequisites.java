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

  /** How to install the Debian packages of every stack. */
  static final String APT_INSTALL = "apt-get install -y python3-fastapi python3-uvicorn"
      + " python3-hypercorn nginx-light openssl tinyproxy"
      + " (or scripts/install-interop-servers.sh)";

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
    boolean present = Files.isExecutable(PYTHON)
        && succeeds(PYTHON.toString(), "-c", "import " + imports);
    require(present, PYTHON + " cannot import " + imports + " (Debian packages " + packages + ")",
        APT_INSTALL);
  }

  /**
   * Requires an executable.
   *
   * @param executable its absolute path
   * @param debianPackage the Debian package that brings it, for the message
   */
  static void requireExecutable(Path executable, String debianPackage) {
    require(Files.isExecutable(executable),
        executable + " is missing (Debian package " + debianPackage + ")", APT_INSTALL);
  }

  /**
   * Requires a command that exits with 0.
   *
   * @param problem what is missing when it does not
   * @param install how to install it
   * @param command the command
   */
  static void requireCommand(String problem, String install, String... command) {
    require(succeeds(command), problem, install);
  }

  /**
   * Returns when something is present; else skips the test, or fails it when it is required.
   *
   * @param present whether it is there
   * @param problem what is missing, for the message
   * @param install how to install it, for the message
   * @param required whether to fail instead of skipping
   * @throws org.opentest4j.TestAbortedException if it is missing and not required
   * @throws IllegalStateException if it is missing and required
   */
  static void require(boolean present, String problem, String install, boolean required) {
    if (present) {
      return;
    }
    String message = "interop tests need real servers: " + problem + ". Install with: "
        + install;
    if (required) {
      throw new IllegalStateException(message + " (" + REQUIRED_VARIABLE + "=true: failing)");
    }
    Assumptions.abort(message + " (skipped; " + REQUIRED_VARIABLE + "=true fails instead)");
  }

  private static void require(boolean present, String problem, String install) {
    boolean required = Boolean.parseBoolean(System.getenv(REQUIRED_VARIABLE));
    try {
      require(present, problem, install, required);
    } catch (RuntimeException e) {
      if (!required && WARNED.add(problem)) {
        // Surefire shows no reason for a class skipped in beforeAll: say it once.
        System.err.println("[interop] " + e.getMessage());
      }
      throw e;
    }
  }

  /** Runs a command once per JVM and tells whether it exited with 0. */
  private static boolean succeeds(String... command) {
    return CHECKED.computeIfAbsent(String.join("\u0000", command), key -> run(command));
  }

  private static boolean run(String... command) {
    try {
      Process process = new ProcessBuilder(List.of(command))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
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
