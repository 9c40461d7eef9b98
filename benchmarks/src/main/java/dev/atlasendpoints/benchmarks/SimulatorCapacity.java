package dev.atlasendpoints.benchmarks;

import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.RateLimit;
import dev.atlasendpoints.simulator.ServiceAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many creates per second the simulator serves on this machine, so that benchmarks of the SDK
 * can show the server was not their bottleneck. Callers authenticate with a bearer token (the
 * cheapest path for the server) and post to the v2 serverless create with an unlimited bucket.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests install && ./mvnw -q -pl benchmarks exec:java
 * -Dexec.mainClass=dev.atlasendpoints.benchmarks.SimulatorCapacity}
 */
public final class SimulatorCapacity {

  private static final Duration WARMUP = Duration.ofSeconds(3);
  private static final Duration MEASURE = Duration.ofSeconds(8);
  private static final String TARGET =
      "/api/atlas/v2/groups/32b6e34b3d91647abb20e7b8/privateEndpoint/serverless/instance/bench/endpoint";

  private SimulatorCapacity() {}

  public static void main(String[] args) throws Exception {
    System.out.printf("simulator capacity, %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    for (int callers : new int[] {1, 4, 16, 64}) {
      try (AtlasSimulator simulator = AtlasSimulator.builder().rateLimit(RateLimit.unlimited())
          .serviceAccount(ServiceAccount.of("bench", "bench-secret")).start()) {
        String token = token(simulator.baseUri());
        run(simulator.baseUri(), token, callers, WARMUP);
        double perSecond = run(simulator.baseUri(), token, callers, MEASURE) / (MEASURE.toMillis() / 1000.0);
        System.out.printf("callers=%d requests/s=%.0f%n", callers, perSecond);
      }
    }
  }

  private static long run(URI base, String token, int callers, Duration duration) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(base.resolve(TARGET))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/vnd.atlas.2023-01-01+json")
        .header("Accept", "application/vnd.atlas.2023-01-01+json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"comment\":\"bench\"}")).build();
    LongAdder completed = new LongAdder();
    long deadline = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      futures.add(pool.submit(() -> {
        while (System.nanoTime() < deadline) {
          HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() != 201) {
            throw new IllegalStateException("unexpected status " + response.statusCode());
          }
          completed.increment();
        }
        return null;
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    return completed.sum();
  }

  private static String token(URI base) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/oauth/token"))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString("bench:bench-secret".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
    String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    return body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
  }
}
