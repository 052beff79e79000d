package dev.apikeys.sdk.micrometer;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.testkit.MockApiKeysServer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** With micrometer-tracing, every call is a client span whose context reaches the server. */
class TracingTest {

  private final MockApiKeysServer server = MockApiKeysServer.builder().seed(1).build().start();
  private final SimpleTracer tracer = new SimpleTracer();
  private final ObservationRegistry registry = ObservationRegistry.create();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theSpanIsAChildOfTheCurrentOneAndItsContextGoesInTheHeaders() {
    registry.observationConfig().observationHandler(new FirstMatchingCompositeObservationHandler(
        new PropagatingSenderTracingObservationHandler<>(tracer, new TraceparentPropagator()),
        new DefaultTracingObservationHandler(tracer)));
    Observation parent = Observation.start("checkout", registry);
    try (ApiKeysClient client = server.clientBuilder()
        .addInterceptor(new ObservationInterceptor(registry)).build();
        Observation.Scope scope = parent.openScope()) {
      client.apiKeys().retrieve("key_0001");
    } finally {
      parent.stop();
    }

    List<SimpleSpan> spans = List.copyOf(tracer.getSpans());
    assertEquals(2, spans.size());
    SimpleSpan call = span(spans, "retrieveApiKey");
    SimpleSpan checkout = span(spans, "checkout");
    assertEquals("retrieveApiKey", call.getName());
    assertEquals(Span.Kind.CLIENT, call.getKind());
    assertEquals("apikeys", call.getRemoteServiceName());
    assertEquals(checkout.getTraceId(), call.getTraceId());
    assertEquals(checkout.getSpanId(), call.getParentId());
    assertEquals("200", call.getTags().get("status"));
    assertEquals("1", call.getTags().get("apikeys.attempts"));
    assertFalse(call.getTags().get("apikeys.request_id").isBlank());
    List<LoggedRequest> requests = server.wireMock().findAll(anyRequestedFor(anyUrl()));
    assertEquals(1, requests.size());
    assertEquals("00-" + call.getTraceId() + "-" + call.getSpanId() + "-01",
        requests.get(0).getHeader("traceparent"));
  }

  private static SimpleSpan span(List<SimpleSpan> spans, String name) {
    return spans.stream().filter(span -> name.equals(span.getName())).findFirst().orElseThrow();
  }

  /** W3C's traceparent header, enough for a test: the tracing bridges bring the real ones. */
  private static final class TraceparentPropagator implements Propagator {

    @Override
    public List<String> fields() {
      return List.of("traceparent");
    }

    @Override
    public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
      setter.set(carrier, "traceparent",
          "00-" + context.traceId() + "-" + context.spanId() + "-01");
    }

    @Override
    public <C> Span.Builder extract(C carrier, Getter<C> getter) {
      throw new UnsupportedOperationException("a client only injects");
    }
  }
}
