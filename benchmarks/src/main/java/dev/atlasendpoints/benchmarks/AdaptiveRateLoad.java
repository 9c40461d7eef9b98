package dev.atlasendpoints.benchmarks;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.ClientEventListener;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.resilience.RateLimitLayer;
import dev.atlasendpoints.resilience.RateLimitSettings;
import dev.atlasendpoints.resilience.RetryLayer;
import dev.atlasendpoints.resilience.RetrySettings;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.RateLimit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/**
 * The adaptive client-side rate against a simulated Atlas bucket (capacity 10, refilled at 5 per
 * second), each run with the controller and without it ({@link RateLimitSettings.Adaptive#off()},
 * which is how the limiter behaved before: pause for {@code Retry-After}, learn only stated rates),
 * through the default stack (retry and rate limit with their defaults), 16 callers.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.atlasendpoints.benchmarks.AdaptiveRateLoad [bare|stated|shift|projects]...}</pre>
 */
public final class AdaptiveRateLoad {

  private static final int CALLERS = 16;
  private static final int CAPACITY = 10;
  private static final int REFILL = 5;

  private AdaptiveRateLoad() {}

  public static void main(String[] args) throws Exception {
    List<String> sections = args.length == 0 ? List.of("bare", "stated", "shift", "projects") : List.of(args);
    System.out.printf("AdaptiveRateLoad: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    for (String section : sections) {
      for (boolean adaptive : new boolean[] {true, false}) {
        String label = adaptive ? "controller" : "no controller";
        switch (section) {
          case "bare" -> creates("bare 429s", label, AtlasSimulator.builder().bareRateLimitAnswers(true), adaptive);
          case "stated" -> creates("stated 429s", label, AtlasSimulator.builder(), adaptive);
          case "shift" -> shift(label, adaptive);
          case "projects" -> projects(label, adaptive);
          default -> throw new IllegalArgumentException("unknown section " + section);
        }
      }
    }
  }

  private static RateLimitSettings limits(boolean adaptive) {
    return RateLimitSettings.defaults().toBuilder()
        .adaptive(adaptive ? RateLimitSettings.Adaptive.defaults() : RateLimitSettings.Adaptive.off()).build();
  }

  private static AtlasSimulator start(AtlasSimulator.Builder builder) {
    return builder.rateLimit(new RateLimit(CAPACITY, REFILL, 1)).apiKey(ApiKey.of("bench-public", "bench-private"))
        .threads(64).start();
  }

  private static AtlasClient client(AtlasSimulator simulator, RateLimitSettings limits, ClientEventListener listener) {
    AtlasClient.Builder builder = AtlasClient.builder().baseUrl(simulator.baseUri().toString())
        .apiKey("bench-public", "bench-private").listener(listener).layer(RetryLayer.of(RetrySettings.defaults()));
    return (limits == null ? builder : builder.layer(RateLimitLayer.of(limits))).build();
  }

  @SuppressWarnings("deprecation")
  private static void create(ServerlessPrivateEndpointsApi api, String comment) {
    api.createServerlessPrivateEndpoint(BenchTargets.PROJECT, BenchTargets.INSTANCE,
        new ServerlessTenantCreateRequest().comment(comment));
  }

  /** 200 creates by 16 callers: successes, failures by type, Atlas's 429s, the rate after the first burst. */
  private static void creates(String name, String label, AtlasSimulator.Builder builder, boolean adaptive)
      throws Exception {
    try (AtlasSimulator simulator = start(builder);
        AtlasClient client = client(simulator, limits(adaptive), new ClientEventListener() {})) {
      ServerlessPrivateEndpointsApi api = client.api(ServerlessPrivateEndpointsApi.class);
      List<Long> successes = Collections.synchronizedList(new ArrayList<>());
      Map<String, LongAdder> failures = new ConcurrentHashMap<>();
      long start = System.nanoTime();
      AtomicInteger next = new AtomicInteger();
      callers(CALLERS, caller -> {
        for (int i = next.getAndIncrement(); i < 200; i = next.getAndIncrement()) {
          try {
            create(api, "call-" + i);
            successes.add(System.nanoTime());
          } catch (RuntimeException e) {
            failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
          }
        }
      });
      List<Long> sorted = new ArrayList<>(successes);
      Collections.sort(sorted);
      double rate = sorted.size() > CAPACITY
          ? (sorted.size() - CAPACITY) / ((sorted.get(sorted.size() - 1) - sorted.get(CAPACITY - 1)) / 1e9) : 0;
      System.out.printf("%s, %s: %d/200 succeeded, failed %s, %d 429s, %.2f/s after the first burst (%.0f%% of %d/s),"
              + " %.1f s in all%n", name, label, sorted.size(), failures, simulator.counters().rateLimited(), rate,
          100 * rate / REFILL, REFILL, (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * Atlas's rate halves at 30 s (5 → 2.5 per second) and doubles back at 90 s; 16 callers create
   * without pause until 150 s. Per 10 s: accepted per second, 429s, failed calls, and the allowed rate
   * the limiter last reported (the {@code atlas.client.ratelimit.rate} gauge's value).
   */
  private static void shift(String label, boolean adaptive) throws Exception {
    int end = 150;
    int halvedAt = 30;
    int doubledAt = 90;
    AtomicLong allowedBits = new AtomicLong(Double.doubleToLongBits(Double.NaN));
    ClientEventListener gauge = new ClientEventListener() {
      @Override
      public void onRateChange(String endpointSet, double permitsPerSecond) {
        allowedBits.set(Double.doubleToLongBits(permitsPerSecond));
      }
    };
    try (AtlasSimulator simulator = start(AtlasSimulator.builder().bareRateLimitAnswers(true));
        AtlasClient client = client(simulator, limits(adaptive), gauge)) {
      ServerlessPrivateEndpointsApi api = client.api(ServerlessPrivateEndpointsApi.class);
      int[] accepted = new int[end + 1];
      int[] failed = new int[end + 1];
      long[] throttledBy = new long[end + 1];
      double[] allowed = new double[end + 1];
      long start = System.nanoTime();
      AtomicBoolean running = new AtomicBoolean(true);
      Thread clock = new Thread(() -> {
        for (int second = 1; second <= end; second++) {
          sleepUntil(start + second * 1_000_000_000L);
          throttledBy[second] = simulator.counters().rateLimited();
          allowed[second] = Double.longBitsToDouble(allowedBits.get());
          if (second == halvedAt) {
            simulator.changeRateLimit(new RateLimit(CAPACITY, REFILL, 2));
          } else if (second == doubledAt) {
            simulator.changeRateLimit(new RateLimit(CAPACITY, REFILL, 1));
          }
        }
        running.set(false);
      });
      clock.start();
      AtomicInteger next = new AtomicInteger();
      callers(CALLERS, caller -> {
        while (running.get()) {
          int i = next.getAndIncrement();
          try {
            create(api, "call-" + i);
            record(accepted, start);
          } catch (RuntimeException e) {
            record(failed, start);
          }
        }
      });
      clock.join();
      System.out.printf("shift, %s (Atlas: 5/s, 2.5/s from %d s, 5/s from %d s):%n", label, halvedAt, doubledAt);
      for (int from = 0; from < end; from += 10) {
        int ok = 0;
        int lost = 0;
        for (int s = from; s < from + 10; s++) {
          ok += accepted[s];
          lost += failed[s];
        }
        System.out.printf("  %3d–%3d s: %.2f accepted/s, %3d 429s, %3d failed calls, allowed rate at the end %.2f/s%n",
            from, from + 10, ok / 10.0, throttledBy[from + 10] - throttledBy[from], lost, allowed[from + 10]);
      }
      System.out.printf("  followed down: %s; climbed back to >= 4.5 accepted/s (5 s average): %s%n",
          firstSecond(accepted, halvedAt, doubledAt, 2.5 * 1.1, false, halvedAt),
          firstSecond(accepted, doubledAt, end - 5, 4.5, true, doubledAt));
    }
  }

  /** The first second after {@code offset} whose next-5-s average is below (or at least) {@code threshold}. */
  private static String firstSecond(int[] perSecond, int from, int to, double threshold, boolean atLeast, int offset) {
    for (int s = from; s + 5 <= to; s++) {
      double sum = 0;
      for (int i = s; i < s + 5; i++) {
        sum += perSecond[i];
      }
      if (atLeast ? sum / 5 >= threshold : sum / 5 <= threshold) {
        return "after " + (s - offset) + " s";
      }
    }
    return "not within the phase";
  }

  /**
   * 100,000 distinct projects read once each, through the layer and without it (the retained heap
   * after a full GC, sampled as the projects go by, minus the run without the layer, is the
   * limiter's); here "no controller" means no rate-limit layer at all.
   */
  private static void projects(String label, boolean withLayer) throws Exception {
    try (AtlasSimulator simulator = AtlasSimulator.builder().rateLimit(RateLimit.unlimited())
        .apiKey(ApiKey.of("bench-public", "bench-private")).threads(64).start();
        AtlasClient client = client(simulator, withLayer ? RateLimitSettings.defaults() : null,
            new ClientEventListener() {})) {
      ServerlessPrivateEndpointsApi api = client.api(ServerlessPrivateEndpointsApi.class);
      int projects = 100_000;
      AtomicInteger next = new AtomicInteger();
      Map<Integer, Long> heapAt = new TreeMap<>();
      heapAt.put(0, retainedHeap());
      long start = System.nanoTime();
      for (int checkpoint = 25_000; checkpoint <= projects; checkpoint += 25_000) {
        int until = checkpoint;
        callers(CALLERS, caller -> {
          for (int i = next.getAndIncrement(); i < until; i = next.getAndIncrement()) {
            api.listServerlessPrivateEndpoint(String.format("%024x", i), BenchTargets.INSTANCE);
          }
        });
        next.set(until);
        heapAt.put(checkpoint, retainedHeap());
      }
      System.out.printf("projects, %s: %d projects in %.1f s; retained heap (MB) by projects touched: %s%n",
          withLayer ? "with the rate-limit layer (maxBuckets 10,000)" : "without the rate-limit layer", projects,
          (System.nanoTime() - start) / 1e9, heapAt.entrySet().stream()
              .map(e -> e.getKey() + "=" + String.format("%.1f", e.getValue() / 1e6)).toList());
    }
  }

  private static long retainedHeap() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static void record(int[] perSecond, long start) {
    int second = (int) ((System.nanoTime() - start) / 1_000_000_000L);
    if (second < perSecond.length) {
      synchronized (perSecond) {
        perSecond[second]++;
      }
    }
  }

  private static void sleepUntil(long nanos) {
    long left;
    while ((left = nanos - System.nanoTime()) > 0) {
      try {
        Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void callers(int callers, IntConsumer body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < callers; c++) {
        int caller = c;
        futures.add(pool.submit(() -> body.accept(caller)));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
