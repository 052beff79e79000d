package dev.apikeys.examples;

import dev.apikeys.sdk.models.ApiKey;
import java.io.PrintStream;

/**
 * Runs every example in turn and prints what each did: the main job of the project. Without
 * {@code APIKEYS_BASE_URL} it runs against an embedded, seeded {@code MockApiKeysServer}.
 */
public final class Main {

  private Main() {
  }

  /**
   * Runs the examples.
   *
   * @param args none
   */
  public static void main(String[] args) {
    try (ExampleEnvironment environment = ExampleEnvironment.open()) {
      runAll(environment, System.out);
    }
  }

  /**
   * Runs every example against one environment.
   *
   * @param environment where to run
   * @param out where to print
   */
  public static void runAll(ExampleEnvironment environment, PrintStream out) {
    out.println("API Keys Java SDK examples, running against " + environment.describe());
    out.println();
    out.println("1. List every key with the auto-pager");
    ListAllKeys.run(environment.client(), out);
    out.println();
    out.println("2. Create a restricted key and narrow its permissions");
    ApiKey restricted = RestrictKey.run(environment.client(), out);
    out.println();
    out.println("3. Update that key through the account API (PATCH /apikeys/{id})");
    UpdateForAccount.run(environment.client(), restricted.id(), out);
    out.println();
    out.println("4. Handle errors and retries");
    HandleErrors.run(environment.client(), environment.embedded(), out);
    out.println();
    out.println("5. Rotate a key: create the new one, delete the old one");
    RotateKey.run(environment.client(), out);
    out.println();
    out.println("Done.");
  }
}
