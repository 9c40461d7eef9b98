package dev.atlasendpoints.ratelimit.redis;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.ClientEventListener;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.resilience.RateLimitLayer;
import dev.atlasendpoints.resilience.RateLimitSettings;
import dev.atlasendpoints.resilience.RetryLayer;
import dev.atlasendpoints.resilience.RetrySettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One process of a fleet: a client with the default retry and rate-limit layers, sharing its limits
 * through Redis unless told {@code none}, making creates from several callers once its parent says
 * go, then printing {@code RESULT succeeded failed fallbacks}.
 *
 * <p>Arguments: simulator base URL, Redis URL or {@code none}, callers, creates per caller, key prefix.
 */
public final class FleetWorker {

  static final String PROJECT = "32b6e34b3d91647abb20e7b8";
  static final String PUBLIC_KEY = "fleet-public";
  static final String PRIVATE_KEY = "fleet-private";

  private FleetWorker() {}

  public static void main(String[] args) throws Exception {
    String simulator = args[0];
    String redisUrl = args[1];
    int callers = Integer.parseInt(args[2]);
    int creates = Integer.parseInt(args[3]);
    RedisSharedLimits shared = redisUrl.equals("none") ? null
        // A cold JVM on a loaded machine may take longer than the default 250 ms for its first takes:
        // the test asserts that Redis answered throughout, not how fast.
        : RedisSharedLimits.builder(redisUrl).keyPrefix(args[4]).commandTimeout(Duration.ofSeconds(3)).connect();
    RateLimitSettings.Builder limits = RateLimitSettings.builder();
    if (shared != null) {
      limits.sharedThrough(shared);
    }
    AtomicInteger fallbacks = new AtomicInteger();
    try (AtlasClient client = AtlasClient.builder().baseUrl(simulator).apiKey(PUBLIC_KEY, PRIVATE_KEY)
        .layer(RetryLayer.of(RetrySettings.defaults())).layer(RateLimitLayer.of(limits.build()))
        .listener(new ClientEventListener() {
          @Override
          public void onSharedLimitsFallback(String endpointSet) {
            fallbacks.incrementAndGet();
          }
        }).build()) {
      ServerlessPrivateEndpointsApi api = client.api(ServerlessPrivateEndpointsApi.class);
      System.out.println("READY");
      if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() == null) {
        System.exit(2); // the parent is gone: nothing to run for
      }
      AtomicInteger succeeded = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        running.add(pool.submit(() -> {
          for (int i = 0; i < creates; i++) {
            try {
              create(api);
              succeeded.incrementAndGet();
            } catch (RuntimeException e) {
              failed.incrementAndGet();
              System.err.println("failed: " + e.getClass().getSimpleName());
            }
          }
        }));
      }
      for (Future<?> caller : running) {
        caller.get();
      }
      pool.shutdown();
      System.out.println("RESULT " + succeeded + " " + failed + " " + fallbacks);
    } finally {
      if (shared != null) {
        shared.close();
      }
    }
  }

  @SuppressWarnings("deprecation")
  static void create(ServerlessPrivateEndpointsApi api) {
    api.createServerlessPrivateEndpoint(PROJECT, "i1", new ServerlessTenantCreateRequest().comment("fleet"), null);
  }
}
