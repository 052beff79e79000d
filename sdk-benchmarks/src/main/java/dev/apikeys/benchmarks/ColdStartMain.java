package dev.apikeys.benchmarks;

import java.net.URI;

/**
 * What the cold-start benchmark runs in a new JVM: build one contender's client, make one
 * retrieve, print the key's id and exit. {@code jvm} prints at once: the JVM's own start-up,
 * the baseline the others are measured against.
 *
 * <p>Each contender's code sits in its own class, so that a run loads only its contender.
 */
public final class ColdStartMain {

  private ColdStartMain() {
  }

  /**
   * Runs one first call.
   *
   * @param args the contender ({@code jvm}, {@code sdk}, {@code sdkApache}, {@code floor},
   *     {@code apache} or {@code peer}) and the server's base URL
   * @throws Exception if the call fails
   */
  public static void main(String[] args) throws Exception {
    URI baseUrl = URI.create(args[1]);
    String line = switch (args[0]) {
      case "jvm" -> "ready";
      case "sdk" -> SdkFirstCall.retrieveId(baseUrl);
      case "sdkApache" -> SdkApacheFirstCall.retrieveId(baseUrl);
      case "apache" -> ApacheFirstCall.retrieveId(baseUrl);
      case "floor" -> FloorFirstCall.retrieveId(baseUrl);
      case "peer" -> PeerFirstCall.retrieveId(baseUrl);
      default -> throw new IllegalArgumentException("unknown contender " + args[0]);
    };
    System.out.println(line);
    System.out.flush();
    System.exit(0);
  }

  /** Our SDK's first call. */
  private static final class SdkFirstCall {
    static String retrieveId(URI baseUrl) {
      return Contenders.sdk(baseUrl).apiKeys().retrieve(CannedPages.RETRIEVED_ID).id();
    }
  }

  /** Our SDK's first call on {@code ApacheTransport}. */
  private static final class SdkApacheFirstCall {
    static String retrieveId(URI baseUrl) {
      return Contenders.sdkApacheBuilder(baseUrl).build().apiKeys()
          .retrieve(CannedPages.RETRIEVED_ID).id();
    }
  }

  /** Apache HttpClient 5 by hand: its first call. */
  private static final class ApacheFirstCall {
    static String retrieveId(URI baseUrl) throws Exception {
      return new ApacheClient(baseUrl, CannedApiServer.TOKEN, ApacheClient.Pool.DEFAULT)
          .retrieve(CannedPages.RETRIEVED_ID).id();
    }
  }

  /** The floor's first call. */
  private static final class FloorFirstCall {
    static String retrieveId(URI baseUrl) throws Exception {
      return new FloorClient(baseUrl, CannedApiServer.TOKEN).retrieve(CannedPages.RETRIEVED_ID)
          .id();
    }
  }

  /** The peer's first call. */
  private static final class PeerFirstCall {
    static String retrieveId(URI baseUrl) throws Exception {
      return Contenders.peer(baseUrl).retrieveApiKey(CannedPages.RETRIEVED_ID, null).getId();
    }
  }
}
