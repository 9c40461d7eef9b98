package dev.atlasendpoints.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.json.AtlasJson;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantEndpoint;
import dev.atlasendpoints.metrics.AtlasMetrics;
import dev.atlasendpoints.resilience.RateLimitLayer;
import dev.atlasendpoints.resilience.RateLimitSettings;
import dev.atlasendpoints.resilience.RetryLayer;
import dev.atlasendpoints.resilience.RetrySettings;
import feign.Client;
import feign.Response;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What each layer costs per call, without the network: the transport is a stub that challenges an
 * unauthenticated request once and answers every authenticated one with a canned 201. The
 * difference between two stacks is the cost of the layer that differs; run with {@code -prof gc}
 * for bytes allocated per call.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LayerCost -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LayerCostBenchmark {

  private static final byte[] ANSWER = ("{\"_id\":\"5f7cac1adf5d6c6306f4b283\",\"cloudProviderEndpointId\":null,"
      + "\"comment\":\"bench\",\"endpointServiceName\":null,\"errorMessage\":null,\"providerName\":\"AWS\","
      + "\"status\":\"RESERVATION_REQUESTED\"}").getBytes(StandardCharsets.UTF_8);
  private static final String CHALLENGE =
      "Digest realm=\"MMS Public API\", domain=\"\", nonce=\"bm9uY2UtZm9yLWJlbmNobWFya3M=\", algorithm=MD5, qop=\"auth\", stale=false";

  @Param({"digest", "digest+retry", "digest+ratelimit", "digest+metrics", "full"})
  public String stack;

  private AtlasClient client;
  private ServerlessPrivateEndpointsApi api;
  private final ServerlessTenantCreateRequest request = new ServerlessTenantCreateRequest().comment("bench");
  private final ObjectMapper mapper = AtlasJson.newMapper();

  /** Challenges once, then answers 201 to everything authenticated. */
  static final Client STUB = (request, options) -> {
    boolean authenticated = request.headers().containsKey("Authorization");
    return Response.builder().request(request).status(authenticated ? 201 : 401)
        .headers(authenticated
            ? Map.of("Content-Type", List.of("application/vnd.atlas.2023-01-01+json"))
            : Map.of("WWW-Authenticate", List.of(CHALLENGE)))
        .body(authenticated ? ANSWER : new byte[0]).build();
  };

  @Setup(Level.Trial)
  public void build() {
    AtlasClient.Builder builder = AtlasClient.builder().baseUrl("http://127.0.0.1:1").transport(STUB)
        .apiKey("bench-public", "bench-private");
    if (stack.contains("retry") || stack.equals("full")) {
      builder.layer(RetryLayer.of(RetrySettings.defaults()));
    }
    if (stack.contains("ratelimit") || stack.equals("full")) {
      builder.layer(RateLimitLayer.of(RateLimitSettings.builder().defaultLimit(1_000_000_000, Duration.ofSeconds(1))
          .build()));
    }
    if (stack.contains("metrics") || stack.equals("full")) {
      AtlasMetrics metrics = AtlasMetrics.of(new SimpleMeterRegistry());
      builder.layer(metrics.callLayer()).layer(metrics.exchangeLayer()).listener(metrics.eventListener());
    }
    client = builder.build();
    api = client.api(ServerlessPrivateEndpointsApi.class);
  }

  @TearDown(Level.Trial)
  public void close() {
    client.close();
  }

  @Benchmark
  @SuppressWarnings("deprecation")
  public ServerlessTenantEndpoint call() {
    return api.createServerlessPrivateEndpoint(BenchTargets.PROJECT, BenchTargets.INSTANCE, request);
  }

  /** For scale: decoding the answer alone, which the floor of the load comparison does not do. */
  @Benchmark
  public ServerlessTenantEndpoint decodeOnly() throws java.io.IOException {
    return mapper.readValue(ANSWER, ServerlessTenantEndpoint.class);
  }
}
