package dev.atlasendpoints.examples.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.RecordedRequest;
import dev.atlasendpoints.spring.boot.test.EnableAtlasSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The example application, started for real on a random port against an in-process simulator
 * ({@link EnableAtlasSimulator}), called over HTTP, and scraped like Prometheus would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "app.atlas.project-id=" + AtlasBootExampleTest.PROJECT)
@EnableAtlasSimulator
class AtlasBootExampleTest {

  static final String PROJECT = "32b6e34b3d91647abb20e7b8";

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  AtlasSimulator atlas;

  @Autowired
  InMemorySpanExporter spans;

  @Autowired
  SdkTracerProvider tracerProvider;

  /** Spans kept in memory, beside whatever exporter the application has. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Spans {
    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
      return InMemorySpanExporter.create();
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI local(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The Prometheus sample of successful createPrivateEndpointService calls, 0 before the first. */
  private double createCalls() throws Exception {
    HttpResponse<String> scrape = send(HttpRequest.newBuilder(local("/actuator/prometheus")).GET());
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body()).doesNotContain(PROJECT, "test-private");
    return scrape.body().lines().filter(line -> line.startsWith("atlas_client_calls_seconds_count{")
            && line.contains("operation=\"createPrivateEndpointService\"") && line.contains("status=\"201\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
  }

  @Test
  void aCallThroughTheApplication_reachesTheSimulator_andShowsInPrometheus() throws Exception {
    double before = createCalls();

    HttpResponse<String> created = send(HttpRequest.newBuilder(local("/endpoint-services?region=us-east-1"))
        .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.body()).contains("\"id\"");
    assertThat(atlas.requests()).extracting(RecordedRequest::path)
        .contains("/api/atlas/v2/groups/" + PROJECT + "/privateEndpoint/endpointService");
    assertThat(createCalls()).isEqualTo(before + 1);
  }

  @Test
  void aCallThroughTheApplication_isASpanUnderTheIncomingRequest_withAChildSpanPerExchange() throws Exception {
    atlas.clearRequests();
    send(HttpRequest.newBuilder(local("/endpoint-services?region=eu-west-1")).POST(HttpRequest.BodyPublishers.noBody()));
    tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);

    List<SpanData> finished = spans.getFinishedSpanItems();
    SpanData call = finished.stream().filter(s -> s.getName().equals("atlas createPrivateEndpointService"))
        .reduce((first, second) -> second).orElseThrow();
    SpanData server = finished.stream().filter(s -> s.getSpanId().equals(call.getParentSpanId())).findFirst()
        .orElseThrow(() -> new AssertionError("the call's parent span was not exported: " + finished));
    assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
    List<SpanData> exchanges = finished.stream().filter(s -> s.getParentSpanId().equals(call.getSpanId()))
        .collect(Collectors.toList());
    assertThat(exchanges).isNotEmpty().allSatisfy(e -> assertThat(e.getKind()).isEqualTo(SpanKind.CLIENT));
    assertThat(atlas.requests()).extracting(r -> r.header("traceparent")).containsExactlyInAnyOrderElementsOf(
        exchanges.stream().map(e -> "00-" + call.getTraceId() + "-" + e.getSpanId() + "-"
            + e.getSpanContext().getTraceFlags().asHex()).collect(Collectors.toList()));
    assertThat(finished).allSatisfy(s -> assertThat(s.getAttributes().asMap().values().toString())
        .doesNotContain(PROJECT, "test-private"));
  }
}
