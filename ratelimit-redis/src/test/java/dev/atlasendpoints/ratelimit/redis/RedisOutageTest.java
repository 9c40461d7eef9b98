package dev.atlasendpoints.ratelimit.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.ClientEventListener;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.resilience.RateLimitLayer;
import dev.atlasendpoints.resilience.RateLimitSettings;
import dev.atlasendpoints.resilience.RetryLayer;
import dev.atlasendpoints.resilience.RetrySettings;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.RateLimit;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis killed, then restarted, or frozen, while callers keep calling: no call fails because of it
 * (each waits at most {@code maxWait}), the fallback is counted, and limits are shared again once
 * Redis is back. Timeouts are generous (a loaded machine must not look like an outage) and every
 * wait has a deadline.
 */
@Timeout(180)
class RedisOutageTest {

  @RegisterExtension
  static final RedisServer REDIS = new RedisServer();

  /** Four callers calling until stopped; counts what happened. */
  static final class Load implements AutoCloseable {
    final AtomicInteger succeeded = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger fallbacks = new AtomicInteger();
    final RedisSharedLimits shared;
    final AtlasSimulator atlas;
    final AtlasClient client;
    final AtomicBoolean running = new AtomicBoolean(true);
    final ExecutorService pool = Executors.newFixedThreadPool(4);
    final List<Future<?>> callers = new ArrayList<>();

    Load() {
      shared = RedisSharedLimits.builder(REDIS.url()).commandTimeout(Duration.ofSeconds(1))
          .retryInterval(Duration.ofMillis(300)).keyPrefix("outage-" + System.nanoTime()).connect();
      atlas = AtlasSimulator.builder().rateLimit(new RateLimit(100, 100, 1))
          .apiKey(ApiKey.of(FleetWorker.PUBLIC_KEY, FleetWorker.PRIVATE_KEY)).start();
      client = AtlasClient.builder().baseUrl(atlas.baseUri().toString())
          .apiKey(FleetWorker.PUBLIC_KEY, FleetWorker.PRIVATE_KEY)
          .layer(RetryLayer.of(RetrySettings.defaults()))
          .layer(RateLimitLayer.of(RateLimitSettings.builder().defaultLimit(20, Duration.ofSeconds(1))
              .maxWait(Duration.ofSeconds(10)).sharedThrough(shared).build()))
          .listener(new ClientEventListener() {
            @Override
            public void onSharedLimitsFallback(String endpointSet) {
              fallbacks.incrementAndGet();
            }
          }).build();
      ServerlessPrivateEndpointsApi api = client.api(ServerlessPrivateEndpointsApi.class);
      for (int c = 0; c < 4; c++) {
        callers.add(pool.submit(() -> {
          while (running.get()) {
            try {
              FleetWorker.create(api);
              succeeded.incrementAndGet();
            } catch (RuntimeException e) {
              failed.incrementAndGet();
              System.err.println("failed: " + e);
            }
          }
        }));
      }
    }

    /** Waits until {@code more} further calls have succeeded, or one failed; a minute at most. */
    void awaitSuccesses(int more) throws InterruptedException {
      int target = succeeded.get() + more;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (succeeded.get() < target && failed.get() == 0) {
        assertThat(System.nanoTime() - deadline).as("%d more successes within a minute", more).isNegative();
        Thread.sleep(20);
      }
    }

    /**
     * Waits until limits are shared again: {@code 20} successes in a row without a fallback
     * (Lettuce reconnects in the background, then the next caller asks Redis again); a minute at most.
     */
    void awaitSharedAgain() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (true) {
        int before = fallbacks.get();
        awaitSuccesses(20);
        if (fallbacks.get() == before) {
          return;
        }
        assertThat(System.nanoTime() - deadline).as("limits shared again within a minute").isNegative();
      }
    }

    @Override
    public void close() throws Exception {
      running.set(false);
      try {
        for (Future<?> caller : callers) {
          caller.get(1, TimeUnit.MINUTES);
        }
      } finally {
        pool.shutdownNow();
        client.close();
        atlas.close();
        shared.close();
      }
    }
  }

  private static long sharedKeys() {
    try (RedisClient raw = RedisClient.create(REDIS.url()); StatefulRedisConnection<String, String> redis = raw.connect()) {
      return redis.sync().dbsize();
    }
  }

  @Test
  void redisKilledAndRestarted_noCallFails_andSharingResumes() throws Exception {
    try (Load load = new Load()) {
      load.awaitSuccesses(20);
      assertThat(load.fallbacks.get()).isZero();

      REDIS.kill();
      load.awaitSuccesses(40); // two seconds' worth at the configured 20 per second, without Redis
      int fallbacksWhileDown = load.fallbacks.get();
      REDIS.start(); // empty: nothing was persisted
      load.awaitSharedAgain();

      assertThat(load.failed.get()).isZero();
      assertThat(fallbacksWhileDown).isPositive();
      assertThat(load.shared.outages()).isEqualTo(1);
      assertThat(sharedKeys()).as("the bucket is kept in Redis again").isPositive();
    }
  }

  @Test
  void redisFrozen_callsGoOnUnderLocalLimits() throws Exception {
    try (Load load = new Load()) {
      load.awaitSuccesses(20);
      REDIS.signal("STOP"); // accepts nothing, answers nothing: every command would hang without timeouts
      try {
        load.awaitSuccesses(40);
      } finally {
        REDIS.signal("CONT");
      }
      int fallbacksWhileFrozen = load.fallbacks.get();
      load.awaitSharedAgain();

      assertThat(load.failed.get()).isZero();
      assertThat(fallbacksWhileFrozen).isPositive();
      assertThat(load.shared.outages()).isEqualTo(1);
    }
  }
}
