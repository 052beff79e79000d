package dev.apikeys.interop;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 500 async calls at once from one client, against an HTTP/1.1 server (uvicorn) and against
 * HTTP/2 servers over TLS that allow 100 streams a connection (hypercorn, and nginx in front of
 * uvicorn).
 */
class BurstTest {

  private static final int CALLS = 500;

  @RegisterExtension
  static final HypercornServer HYPERCORN = new HypercornServer(FastApiApp.aware());

  @RegisterExtension
  static final NginxProxy NGINX = new NginxProxy(FastApiApp.aware());

  @Test
  void allSucceedAgainstUvicornOverHttp11() {
    Burst.retrievesAllSucceed(NGINX.upstream().client(), CALLS);
  }

  @Test
  @Disabled(Issue10.BURST + " (today, from run to run: none to 165 of 500 fail with"
      + " ApiKeysIoException caused by java.io.IOException: too many concurrent streams, from"
      + " the JDK, or by java.io.EOFException: EOF reached while reading, when hypercorn drops"
      + " the connection)")
  void allSucceedAgainstHypercornOverHttp2() {
    Burst.retrievesAllSucceed(HYPERCORN.client(), CALLS);
  }

  @Test
  @Disabled(Issue10.BURST + " (today: 17 to 121 of 500 fail with ApiKeysIoException caused by"
      + " java.io.IOException: too many concurrent streams, from the JDK's HttpClient)")
  void allSucceedThroughNginxOverHttp2() {
    Burst.retrievesAllSucceed(NGINX.client(), CALLS);
  }
}
