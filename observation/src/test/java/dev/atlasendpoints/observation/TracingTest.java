package dev.atlasendpoints.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.resilience.RetryLayer;
import dev.atlasendpoints.resilience.RetrySettings;
import dev.atlasendpoints.simulator.Fault;
import dev.atlasendpoints.simulator.Operation;
import dev.atlasendpoints.simulator.RecordedRequest;
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
import java.time.Duration;
import java.util.List;
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
    List<String> traceparents = atlas.simulator.requests().stream().map((RecordedRequest r) -> r.header("traceparent"))
        .collect(Collectors.toList());
    assertThat(traceparents).hasSize(2).allSatisfy(t -> assertThat(t).startsWith("00-" + call.getTraceId() + "-"));
    assertThat(traceparents).doesNotHaveDuplicates();
  }
}
