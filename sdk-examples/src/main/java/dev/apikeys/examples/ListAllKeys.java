package dev.apikeys.examples;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.ApiKeyPage;
import dev.apikeys.sdk.models.ApiKey;
import dev.apikeys.sdk.models.ListApiKeysParams;
import dev.apikeys.sdk.models.SortOrder;
import java.io.PrintStream;

/** Lists every key of the account with the auto-pager, ten keys a page. */
public final class ListAllKeys {

  private ListAllKeys() {
  }

  /**
   * Runs the example.
   *
   * @param client the client
   * @param out where to print
   * @return how many keys were listed
   */
  public static int run(ApiKeysClient client, PrintStream out) {
    ApiKeyPage first = client.apiKeys().list(ListApiKeysParams.builder()
        .limit(10)
        .order(SortOrder.ASC)
        .build());
    int count = 0;
    for (ApiKey key : first.autoPager()) {
      count++;
      out.printf("  %-10s %-16s %s%n", key.id(), key.name(),
          key.restricted() ? "restricted " + key.permissionValues() : "unrestricted");
    }
    out.printf("  %d keys, fetched %d per page%n", count, 10);
    return count;
  }

  /**
   * Runs the example on its own.
   *
   * @param args none
   */
  public static void main(String[] args) {
    try (ExampleEnvironment environment = ExampleEnvironment.open()) {
      run(environment.client(), System.out);
    }
  }
}
