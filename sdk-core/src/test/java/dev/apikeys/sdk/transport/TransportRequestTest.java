package dev.apikeys.sdk.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SPI's request: what a transport receives cannot change after it was built. */
class TransportRequestTest {

  private static TransportRequest.Builder get() {
    return TransportRequest.builder().method("get").uri(URI.create("http://127.0.0.1:9/v1"))
        .timeout(Duration.ofSeconds(1));
  }

  @Test
  void aBuiltRequestKeepsItsHeadersWhileTheBuilderGoesOn() {
    TransportRequest.Builder builder = get().header("Accept", "application/json");
    TransportRequest first = builder.build();

    TransportRequest second = builder.header("accept", "text/plain").header("X-Trace", "1")
        .build();

    assertEquals(Map.of("Accept", "application/json"), first.headers());
    assertEquals(Map.of("accept", "text/plain", "X-Trace", "1"), second.headers());
    assertEquals("GET", first.method());
  }

  @Test
  void aHeaderSetTwiceInAnyCaseIsSentOnce() {
    TransportRequest request = get().header("User-Agent", "a").header("USER-AGENT", "b")
        .header("User-Agent", "c").build();

    assertEquals(Map.of("User-Agent", "c"), request.headers());
  }

  @Test
  void aMethodMustBeLettersOnly() {
    for (String method : new String[] {"", "GE T", "GET1", "PÄTCH"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> TransportRequest.builder().method(method), method);
      assertEquals("method must be letters only, such as GET; was '" + method + "'",
          e.getMessage());
    }
  }
}
