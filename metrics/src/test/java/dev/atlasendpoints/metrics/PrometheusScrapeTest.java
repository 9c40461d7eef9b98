package dev.atlasendpoints.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.File;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Prometheus server (Debian's package) scrapes an endpoint serving our registry on
 * 127.0.0.1; its HTTP API must then hold the per-operation series with the counts driven, and
 * {@code promtool check metrics} must find nothing to report in what we serve. Skipped, saying so,
 * where Prometheus is not installed; {@code .ci/run} installs it.
 */
@SuppressWarnings("deprecation")
class PrometheusScrapeTest {

  private static final String PROMETHEUS = "/usr/bin/prometheus";
  private static final String PROMTOOL = "/usr/bin/promtool";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void prometheusScrapesThePerOperationSeries(@TempDir Path dir) throws Exception {
    assumeTrue(new File(PROMETHEUS).canExecute(), "Prometheus is not installed (apt-get install prometheus); skipped");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    endpoint.createContext("/metrics", exchange -> {
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    endpoint.start();
    int prometheusPort = freePort();
    Process prometheus = null;
    try (AtlasSimulator simulator = AtlasSimulator.builder().apiKey(ApiKey.of("public", "private")).start();
        AtlasClient client = AtlasClient.builder().baseUrl(simulator.baseUri().toString()).apiKey("public", "private")
            .layer(AtlasMetrics.of(registry).callLayer()).layer(AtlasMetrics.of(registry).exchangeLayer()).build()) {
      for (String region : new String[] {"us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1"}) {
        client.api(PrivateEndpointServicesApi.class).createPrivateEndpointService(AtlasMetricsTest.PROJECT,
            new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region(region), null, null);
      }
      for (int i = 0; i < 3; i++) {
        client.api(ServerlessPrivateEndpointsApi.class).createServerlessPrivateEndpoint(AtlasMetricsTest.PROJECT,
            "instance-1", new ServerlessTenantCreateRequest(), null);
      }

      Path config = dir.resolve("prometheus.yml");
      Files.writeString(config, """
          global:
            scrape_interval: 1s
          scrape_configs:
            - job_name: atlas-sdk
              static_configs:
                - targets: ['127.0.0.1:%d']
          """.formatted(endpoint.getAddress().getPort()));
      prometheus = new ProcessBuilder(PROMETHEUS, "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
          "--web.listen-address=127.0.0.1:" + prometheusPort)
          .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();

      Map<String, Double> counts = awaitSeries(prometheusPort, "atlas_client_calls_seconds_count", 2);

      assertThat(counts).containsEntry("createPrivateEndpointService", 5.0)
          .containsEntry("createServerlessPrivateEndpoint", 3.0);
      assertThat(awaitSeries(prometheusPort, "atlas_client_auth_challenges_total", 1))
          .containsEntry("createPrivateEndpointService", 1.0);
      assertThat(promtoolFindings(registry.scrape())).isEmpty();
    } finally {
      if (prometheus != null) {
        prometheus.destroy();
        prometheus.waitFor(10, TimeUnit.SECONDS);
      }
      endpoint.stop(0);
    }
  }

  /** Polls Prometheus's query API until the metric has {@code expectedSeries} series, by operation. */
  private Map<String, Double> awaitSeries(int port, String metric, int expectedSeries) throws Exception {
    URI query = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
        + URLEncoder.encode("sum by (operation) (" + metric + ")", StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Map<String, Double> byOperation = new HashMap<>();
    while (System.nanoTime() < deadline) {
      byOperation.clear();
      try {
        String body = http.send(HttpRequest.newBuilder(query).build(), HttpResponse.BodyHandlers.ofString()).body();
        for (JsonNode series : new ObjectMapper().readTree(body).path("data").path("result")) {
          byOperation.put(series.path("metric").path("operation").asText(), series.path("value").get(1).asDouble());
        }
        if (byOperation.size() >= expectedSeries) {
          return byOperation;
        }
      } catch (java.io.IOException notUpYet) {
        // Prometheus is still starting
      }
      Thread.sleep(250);
    }
    return byOperation;
  }

  private static String promtoolFindings(String exposition) throws Exception {
    assumeTrue(new File(PROMTOOL).canExecute(), "promtool is not installed; skipped");
    Process promtool = new ProcessBuilder(PROMTOOL, "check", "metrics").redirectErrorStream(true).start();
    try (OutputStream in = promtool.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(promtool.waitFor()).as("promtool exit code; output: %s", output).isZero();
    return output;
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
