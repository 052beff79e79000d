package dev.apikeys.benchmarks;

import dev.apikeys.peer.api.ApiKeysApi;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.models.ListApiKeysParams;
import java.net.URI;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * One contender's client, made alone in its JVM, and its calls bound at set-up: a benchmark
 * method calls {@link Call#call()} on a lambda with one implementation per fork, which the JIT
 * inlines, so the dispatch costs the contender nothing. The other contenders' clients are never
 * made, so their classes stay unloaded and their threads unstarted.
 */
final class ContenderCalls implements AutoCloseable {

  /** One call of one contender; returns what the contender decoded. */
  @FunctionalInterface
  interface Call {
    /**
     * Makes the call.
     *
     * @return the contender's model of the answer
     * @throws Exception if the call fails
     */
    Object call() throws Exception;
  }

  private final Call retrieve;
  private final IntFunction<Call> listPage;
  private final Runnable close;

  private ContenderCalls(Call retrieve, IntFunction<Call> listPage, Runnable close) {
    this.retrieve = retrieve;
    this.listPage = listPage;
    this.close = close;
  }

  /**
   * Makes a contender's client.
   *
   * @param contender {@code sdk}, {@code floor}, {@code peer}, or the diagnostics
   *     {@code floorThroughSendAsync} (the floor blocking on {@code sendAsync(..).get()}) and
   *     {@code floorWithTimeout} (the floor with the SDK's 30 s request timeout)
   * @param baseUrl the canned server
   * @param sdkSettings changes to the SDK's default settings; ignored by the others
   */
  static ContenderCalls open(String contender, URI baseUrl,
      UnaryOperator<ApiKeysClient.Builder> sdkSettings) {
    switch (contender) {
      case "sdk":
        return sdk(sdkSettings.apply(Contenders.sdkBuilder(baseUrl)).build());
      case "floor":
        return floor(new FloorClient(baseUrl, CannedApiServer.TOKEN), false);
      case "floorThroughSendAsync":
        return floor(new FloorClient(baseUrl, CannedApiServer.TOKEN), true);
      case "floorWithTimeout":
        return floor(new FloorClient(baseUrl, CannedApiServer.TOKEN, Duration.ofSeconds(30)),
            false);
      case "peer":
        return peer(Contenders.peer(baseUrl));
      default:
        throw new IllegalArgumentException("unknown contender '" + contender
            + "'; expected sdk, floor, peer, floorThroughSendAsync or floorWithTimeout");
    }
  }

  private static ContenderCalls sdk(ApiKeysClient sdk) {
    return new ContenderCalls(() -> sdk.apiKeys().retrieve(CannedPages.RETRIEVED_ID),
        limit -> () -> sdk.apiKeys().list(ListApiKeysParams.builder().limit(limit).build()),
        sdk::close);
  }

  private static ContenderCalls floor(FloorClient floor, boolean throughSendAsync) {
    Call retrieve = throughSendAsync
        ? () -> floor.retrieveThroughSendAsync(CannedPages.RETRIEVED_ID)
        : () -> floor.retrieve(CannedPages.RETRIEVED_ID);
    return new ContenderCalls(retrieve, limit -> () -> floor.list(limit, null), () -> { });
  }

  private static ContenderCalls peer(ApiKeysApi peer) {
    return new ContenderCalls(() -> peer.retrieveApiKey(CannedPages.RETRIEVED_ID, null),
        limit -> () -> peer.listApiKeys(null, limit, null, null, null), () -> { });
  }

  /** Returns the retrieve of {@link CannedPages#RETRIEVED_ID}. */
  Call retrieve() {
    return retrieve;
  }

  /** Returns the list call of the first page with {@code limit} keys. */
  Call listPage(int limit) {
    return listPage.apply(limit);
  }

  /** Closes the client, if it holds anything. */
  @Override
  public void close() {
    close.run();
  }
}
