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

  /** The contenders of the per-call scenarios, in the order the runs name them. */
  static final String ALL =
      "raw,apache,apacheAsync,sdkApache,sdkApacheAsync,floor,sdk,sdkAsync";

  /**
   * Makes a contender's client.
   *
   * @param contender {@code raw} ({@link RawSocketClient}, the limit), {@code apache}
   *     ({@link ApacheClient} by hand), {@code apacheAsync} (Apache's async client by hand,
   *     {@link ApacheAsyncClient}), {@code sdkApache} and {@code sdkApacheAsync} (the SDK
   *     on {@code ApacheTransport}, blocking and async API), {@code floor} ({@link FloorClient},
   *     the JDK client by hand), {@code sdk} and {@code sdkAsync} (the SDK on its default JDK
   *     transport), {@code peer} (the stock generated client); the diagnostics
   *     {@code apacheLax}, {@code apacheLifo}, {@code apacheLaxLifo}, {@code apacheNoValidate}
   *     (Apache by hand with one pool setting changed, {@link ApacheClient.Pool}),
   *     {@code floorThroughSendAsync} (the floor blocking on {@code sendAsync(..).get()}) and
   *     {@code floorWithTimeout} (the floor with the SDK's 30 s request timeout)
   * @param baseUrl the canned server
   * @param sdkSettings changes to the SDK's default settings; ignored by the others
   */
  static ContenderCalls open(String contender, URI baseUrl,
      UnaryOperator<ApiKeysClient.Builder> sdkSettings) {
    switch (contender) {
      case "raw":
        return raw(new RawSocketClient(baseUrl, CannedApiServer.TOKEN));
      case "apache":
        return apache(baseUrl, ApacheClient.Pool.DEFAULT);
      case "apacheLax":
        return apache(baseUrl, ApacheClient.Pool.LAX);
      case "apacheLifo":
        return apache(baseUrl, ApacheClient.Pool.LIFO);
      case "apacheLaxLifo":
        return apache(baseUrl, ApacheClient.Pool.LAX_LIFO);
      case "apacheNoValidate":
        return apache(baseUrl, ApacheClient.Pool.NO_VALIDATE);
      case "apacheAsync":
        ApacheAsyncClient async = new ApacheAsyncClient(baseUrl, CannedApiServer.TOKEN);
        return new ContenderCalls(() -> async.retrieve(CannedPages.RETRIEVED_ID),
            limit -> () -> async.list(limit), async::close);
      case "sdk":
        return sdk(sdkSettings.apply(Contenders.sdkBuilder(baseUrl)).build(), false);
      case "sdkAsync":
        return sdk(sdkSettings.apply(Contenders.sdkBuilder(baseUrl)).build(), true);
      case "sdkApache":
        return sdk(sdkSettings.apply(Contenders.sdkApacheBuilder(baseUrl)).build(), false);
      case "sdkApacheAsync":
        return sdk(sdkSettings.apply(Contenders.sdkApacheBuilder(baseUrl)).build(), true);
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
            + "'; expected one of " + ALL + ",peer,apacheLax,apacheLifo,apacheLaxLifo,"
            + "apacheNoValidate,floorThroughSendAsync,floorWithTimeout");
    }
  }

  private static ContenderCalls sdk(ApiKeysClient sdk, boolean async) {
    if (async) {
      return new ContenderCalls(() -> sdk.async().apiKeys().retrieve(CannedPages.RETRIEVED_ID)
          .get(),
          limit -> () -> sdk.async().apiKeys().list(ListApiKeysParams.builder().limit(limit)
              .build()).get(),
          sdk::close);
    }
    return new ContenderCalls(() -> sdk.apiKeys().retrieve(CannedPages.RETRIEVED_ID),
        limit -> () -> sdk.apiKeys().list(ListApiKeysParams.builder().limit(limit).build()),
        sdk::close);
  }

  private static ContenderCalls raw(RawSocketClient raw) {
    return new ContenderCalls(() -> raw.retrieve(CannedPages.RETRIEVED_ID),
        limit -> () -> raw.list(limit, null), raw::close);
  }

  private static ContenderCalls apache(URI baseUrl, ApacheClient.Pool pool) {
    ApacheClient apache = new ApacheClient(baseUrl, CannedApiServer.TOKEN, pool);
    return new ContenderCalls(() -> apache.retrieve(CannedPages.RETRIEVED_ID),
        limit -> () -> apache.list(limit, null), apache::close);
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
