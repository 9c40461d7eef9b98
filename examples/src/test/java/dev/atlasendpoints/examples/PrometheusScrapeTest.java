package dev.atlasendpoints.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Prometheus server (Debian's package) scrapes the running example: the CLI's {@code load}
 * with {@code --metrics-port}, driving creates through the SDK against the simulator. Prometheus's
 * HTTP API must then hold the per-operation series with the exact counts, and
 * {@code promtool check metrics} must find nothing to report in what the example serves. Skipped,
 * saying so, where Prometheus is not installed; {@code .ci/run} installs it.
 */
class PrometheusScrapeTest {

  private static final String PROMETHEUS = "/usr/bin/prometheus";
  private static final String PROMTOOL = "/usr/bin/promtool";
  private static final int CALLS = 300;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void prometheusScrapesThePerOperationSeriesOfTheRunningExample(@TempDir Path dir) throws Exception {
    assumeTrue(new File(PROMETHEUS).canExecute(), "Prometheus is not installed (apt-get install prometheus); skipped");
    int metricsPort = freePort();
    int prometheusPort = freePort();
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
        scrape_configs:
          - job_name: atlas-endpoints-load
            static_configs:
              - targets: ['127.0.0.1:%d']
        """.formatted(metricsPort));
    Process prometheus = new ProcessBuilder(PROMETHEUS, "--config.file=" + config,
        "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + prometheusPort)
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    try (AtlasSimulator simulator = AtlasSimulator.builder().apiKey(ApiKey.of("load-public", "load-secret")).start()) {
      AtlasCli cli = new AtlasCli();
      cli.environment = Map.of("ATLAS_BASE_URL", simulator.baseUri().toString(), "ATLAS_PUBLIC_KEY", "load-public",
          "ATLAS_PRIVATE_KEY", "load-secret", "ATLAS_PROJECT_ID", "32b6e34b3d91647abb20e7b8");
      StringWriter out = new StringWriter();
      CompletableFuture<Integer> example = CompletableFuture.supplyAsync(() -> AtlasCli.commandLine(cli)
          .setOut(new PrintWriter(out)).execute("load", "--calls", String.valueOf(CALLS), "--concurrency", "2",
              "--metrics-port", String.valueOf(metricsPort), "--hold-seconds", "6"));

      Map<String, Double> calls = awaitValue(prometheusPort, "atlas_client_calls_seconds_count", CALLS);
      String exposition = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
          .build(), HttpResponse.BodyHandlers.ofString()).body();

      // Each of the two callers may fetch its own first challenge; after that, one exchange per call.
      double challenges = awaitValue(prometheusPort, "atlas_client_auth_challenges_total", 1)
          .get("createServerlessPrivateEndpoint");
      assertThat(calls).containsEntry("createServerlessPrivateEndpoint", (double) CALLS);
      assertThat(challenges).isBetween(1.0, 2.0);
      assertThat(awaitValue(prometheusPort, "atlas_client_exchanges_seconds_count", CALLS + challenges))
          .containsEntry("createServerlessPrivateEndpoint", CALLS + challenges);
      assertThat(promtoolFindings(exposition)).isEmpty();
      assertThat(example.get(60, TimeUnit.SECONDS)).isZero();
      assertThat(out.toString()).contains("outcomes: {success=" + CALLS + "}");
    } finally {
      prometheus.destroy();
      prometheus.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Polls Prometheus until {@code sum by (operation)} of the metric reaches {@code expected} for some operation. */
  private Map<String, Double> awaitValue(int port, String metric, double expected) throws Exception {
    URI query = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
        + URLEncoder.encode("sum by (operation) (" + metric + ")", StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    Map<String, Double> byOperation = new HashMap<>();
    while (System.nanoTime() < deadline) {
      byOperation.clear();
      try {
        String body = http.send(HttpRequest.newBuilder(query).build(), HttpResponse.BodyHandlers.ofString()).body();
        for (JsonNode series : new ObjectMapper().readTree(body).path("data").path("result")) {
          byOperation.put(series.path("metric").path("operation").asText(), series.path("value").get(1).asDouble());
        }
        if (byOperation.values().stream().anyMatch(v -> v >= expected)) {
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
