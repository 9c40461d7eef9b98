package dev.atlasendpoints.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.core.LayerPosition;
import dev.atlasendpoints.core.errors.AtlasNotFoundException;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.resilience.RetryLayer;
import dev.atlasendpoints.resilience.RetrySettings;
import dev.atlasendpoints.simulator.Fault;
import dev.atlasendpoints.simulator.Operation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import feign.Request;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real spans: micrometer-tracing's OpenTelemetry bridge over the OpenTelemetry SDK, exported in
 * memory, and the {@code traceparent} headers the simulator received.
 */
class TracingTest {

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider tracerProvider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider)
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
  private final ObservationRegistry registry = tracingRegistry();
  private final SimulatedCalls atlas = new SimulatedCalls(registry,
      RetryLayer.of(RetrySettings.builder().initialBackoff(Duration.ofMillis(10)).replayAmbiguousOutcomes(true).build()));

  private ObservationRegistry tracingRegistry() {
    io.opentelemetry.api.trace.Tracer otelTracer = openTelemetry.getTracer("atlas-observation-test");
    OtelCurrentTraceContext current = new OtelCurrentTraceContext();
    OtelTracer tracer = new OtelTracer(otelTracer, current, event -> { },
        new OtelBaggageManager(current, List.of(), List.of()));
    ObservationRegistry tracing = ObservationRegistry.create();
    tracing.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
        new PropagatingSenderTracingObservationHandler<>(tracer,
            new OtelPropagator(openTelemetry.getPropagators(), otelTracer)),
        new DefaultTracingObservationHandler(tracer)));
    return tracing;
  }

  @AfterEach
  void close() {
    atlas.close();
    tracerProvider.close();
  }

  private List<SpanData> spansNamed(String prefix) {
    return exporter.getFinishedSpanItems().stream().filter(s -> s.getName().startsWith(prefix))
        .collect(Collectors.toList());
  }

  @Test
  void aDigestCall_isOneSpan_withAChildSpanPerExchange_whoseContextEachRequestCarried() {
    atlas.createService("us-east-1");

    SpanData call = spansNamed("atlas createPrivateEndpointService").get(0);
    List<SpanData> exchanges = spansNamed("POST ");
    assertThat(exporter.getFinishedSpanItems()).hasSize(3);
    assertThat(exchanges).hasSize(2).allSatisfy(exchange -> {
      assertThat(exchange.getTraceId()).isEqualTo(call.getTraceId());
      assertThat(exchange.getParentSpanId()).isEqualTo(call.getSpanId());
      assertThat(exchange.getKind()).isEqualTo(SpanKind.CLIENT);
    });
    assertThat(call.getParentSpanContext().isValid()).isFalse();
    assertThat(call.getAttributes().asMap().toString()).contains("operation=createPrivateEndpointService");

    assertThat(atlas.simulator.requests()).extracting(r -> r.header("traceparent"))
        .containsExactlyElementsOf(exchanges.stream()
            .map(span -> "00-" + call.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getSpanContext().getTraceFlags().asHex()).collect(Collectors.toList()));
  }

  @Test
  void aCallAnsweredWithAnErrorStatus_isASpanInError_namingOnlyTheOperationAndTheStatus() {
    assertThatThrownBy(() -> atlas.client.api(PrivateEndpointServicesApi.class).getPrivateEndpointService(
        SimulatedCalls.PROJECT, CloudProvider.AWS, "64e7a2b1c4d5e6f708192a3b"))
        .isInstanceOf(AtlasNotFoundException.class);

    SpanData call = spansNamed("atlas getPrivateEndpointService").get(0);
    assertThat(call.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(call.getAttributes().asMap().toString()).contains("status=404", "exception=none");
    assertThat(call.getEvents().toString()).contains("Atlas answered 404 to getPrivateEndpointService")
        .doesNotContain(SimulatedCalls.PROJECT, SimulatedCalls.SECRET);
  }

  @Test
  void aRetriedCall_showsEachAttemptAsAnExchangeSpan_theFailedOneInError() {
    atlas.createService("us-east-1");
    exporter.reset();
    atlas.simulator.clearRequests();
    atlas.simulator.faults().next(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE, Fault.resetBeforeProcessing());

    atlas.createService("us-east-2");

    SpanData call = spansNamed("atlas ").get(0);
    List<SpanData> exchanges = spansNamed("POST ");
    assertThat(exchanges).hasSize(2).allSatisfy(exchange ->
        assertThat(exchange.getParentSpanId()).isEqualTo(call.getSpanId()));
    assertThat(exchanges.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(exchanges.get(1).getAttributes().asMap().toString()).contains("status=201");
    assertThat(call.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
    assertThat(atlas.simulator.requests()).extracting(r -> r.header("traceparent"))
        .containsExactlyElementsOf(exchanges.stream().map(TracingTest::traceparent).collect(Collectors.toList()));
  }

  /**
   * A request that reaches the exchange layer already carrying a {@code traceparent} (set by a layer
   * above, or left from an earlier attempt) is sent with the exchange span's only: replaced, not
   * added to.
   */
  @Test
  void aRequestAlreadyCarryingATraceparent_isSentWithTheExchangeSpansOnly() {
    String stale = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    ClientLayer staleHeader = ClientLayer.of(LayerPosition.EXCHANGE, "atlas-a-stale-traceparent",
        (next, context) -> (request, options) -> {
          Map<String, Collection<String>> headers = new LinkedHashMap<>(request.headers());
          headers.put("traceparent", List.of(stale));
          return next.execute(Request.create(request.httpMethod(), request.url(), headers, request.body(),
              request.charset(), request.requestTemplate()), options);
        });
    try (SimulatedCalls stalled = new SimulatedCalls(registry, staleHeader)) {
      assertThat(stalled.client.layerOrder()).containsSubsequence("EXCHANGE:atlas-a-stale-traceparent",
          "EXCHANGE:atlas-observation-exchanges");

      stalled.createService("us-east-1");

      List<SpanData> exchanges = spansNamed("POST ");
      assertThat(exchanges).hasSize(2);
      assertThat(stalled.simulator.requests()).extracting(r -> r.headers().get("traceparent"))
          .containsExactlyElementsOf(exchanges.stream().map(span -> List.of(traceparent(span)))
              .collect(Collectors.toList()));
    }
  }

  private static String traceparent(SpanData span) {
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getSpanContext().getTraceFlags().asHex();
  }
}
