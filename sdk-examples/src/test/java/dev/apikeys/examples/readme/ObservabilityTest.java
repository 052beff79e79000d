package dev.apikeys.examples.readme;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apikeys.sdk.ApiKeysClient;
import dev.apikeys.sdk.interceptors.CallContext;
import dev.apikeys.sdk.interceptors.CallOutcome;
import dev.apikeys.sdk.interceptors.Interceptor;
import dev.apikeys.sdk.micrometer.ObservationInterceptor;
import dev.apikeys.testkit.MockApiKeysServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The README's "Interceptors" and "Metrics and traces" snippets, compiled and run. */
class ObservabilityTest {

  private final MockApiKeysServer server = MockApiKeysServer.builder().seed(1).build().start();
  private final String token = MockApiKeysServer.ADMIN_TOKEN;
  private final Audit audit = new Audit();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anInterceptorAddsAHeaderAndSeesTheOutcome() {
    ApiKeysClient client = ApiKeysClient.builder()
        .baseUrl(server.baseUrl())
        .token(token)
        .addInterceptor(new Interceptor() {
          @Override
          public void beforeCall(CallContext call) {
            call.addHeader("x-team", "payments");
          }

          @Override
          public void afterCall(CallContext call, CallOutcome outcome) {
            audit.log(call.operationId(), outcome.statusCode(), outcome.attempts());
          }
        })
        .build();
    try (client) {
      client.apiKeys().retrieve("key_0001");
    }

    assertEquals(List.of("retrieveApiKey OptionalInt[200] 1"), audit.lines);
    server.wireMock().verify(getRequestedFor(urlEqualTo("/v1/api_key/key_0001"))
        .withHeader("x-team", matching("payments")));
  }

  @Test
  void everyCallIsTimed() {
    MeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry observationRegistry = ObservationRegistry.create();
    observationRegistry.observationConfig()
        .observationHandler(new DefaultMeterObservationHandler(meters));

    ApiKeysClient client = ApiKeysClient.builder()
        .baseUrl(server.baseUrl())
        .token(token)
        .addInterceptor(new ObservationInterceptor(observationRegistry))
        .build();
    try (client) {
      client.apiKeys().retrieve("key_0001");
    }

    assertEquals(1, meters.get("apikeys.client.requests").tag("operation", "retrieveApiKey")
        .tag("status", "200").tag("outcome", "SUCCESS").timer().count());
  }

  @Test
  void withTheOpenTelemetryBridgeEveryCallIsASpanWhoseContextReachesTheServer() {
    MeterRegistry meters = new SimpleMeterRegistry();
    InMemorySpanExporter exported = InMemorySpanExporter.create();
    SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();

    // io.micrometer:micrometer-tracing-bridge-otel, io.opentelemetry:opentelemetry-sdk
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setTracerProvider(tracerProvider)   // yours, with its exporter
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    OtelTracer tracer = new OtelTracer(otel.getTracer("apikeys"),
        new OtelCurrentTraceContext(), event -> { });
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(
        new ObservationHandler.FirstMatchingCompositeObservationHandler(
            new PropagatingSenderTracingObservationHandler<>(tracer,
                new OtelPropagator(otel.getPropagators(), otel.getTracer("apikeys"))),
            new DefaultTracingObservationHandler(tracer)));
    registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));

    ApiKeysClient client = ApiKeysClient.builder()
        .baseUrl(server.baseUrl())
        .token(token)
        .addInterceptor(new ObservationInterceptor(registry))
        .build();
    try (client) {
      client.apiKeys().retrieve("key_0001");
    }

    List<SpanData> spans = exported.getFinishedSpanItems();
    otel.close();
    assertEquals(1, spans.size());
    SpanData span = spans.get(0);
    assertEquals("retrieveApiKey", span.getName());
    server.wireMock().verify(getRequestedFor(urlEqualTo("/v1/api_key/key_0001"))
        .withHeader("traceparent", matching("00-" + span.getTraceId() + "-"
            + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex())));
    assertEquals(1, meters.get("apikeys.client.requests").timer().count());
  }

  /** Stands for the application's audit log. */
  private static final class Audit {
    final List<String> lines = new ArrayList<>();

    void log(String operation, OptionalInt status, int attempts) {
      lines.add(operation + " " + status + " " + attempts);
    }
  }
}
