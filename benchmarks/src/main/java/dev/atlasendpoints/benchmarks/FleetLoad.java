package dev.atlasendpoints.benchmarks;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.ClientEventListener;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.ratelimit.redis.RedisSharedLimits;
import dev.atlasendpoints.resilience.RateLimitLayer;
import dev.atlasendpoints.resilience.RateLimitSettings;
import dev.atlasendpoints.resilience.RetryLayer;
import dev.atlasendpoints.resilience.RetrySettings;
import dev.atlasendpoints.simulator.ApiKey;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.RateLimit;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fleet-wide limits: 4 JVM processes × 4 callers, 50 creates per process, against one simulated Atlas bucket
 * (capacity 10, refilled at 5 per second), each run with limits shared through Redis and with
 * per-process limits; Redis stopped for 10 s mid-run; and the cost of sharing (Redis commands and
 * latency per call at 1 and 16 callers, against an unlimited simulator). Starts its own Redis from
 * {@code /usr/bin/redis-server} on a free port.
 *
 * <pre>{@code java -cp <benchmarks classpath> dev.atlasendpoints.benchmarks.FleetLoad [stated|bare|outage|cost]...}</pre>
 */
public final class FleetLoad {

  private static final int PROCESSES = 4;
  private static final int CALLERS = 4;
  /** Per process, shared by its callers. */
  private static final int CREATES = 50;
  private static final int CAPACITY = 10;
  private static final int REFILL = 5;
  private static final String PUBLIC_KEY = "fleet-public";
  private static final String PRIVATE_KEY = "fleet-private";

  private FleetLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("worker")) {
      worker(args[1], args[2], args[3]);
      return;
    }
    List<String> sections = args.length == 0 ? List.of("stated", "bare", "outage", "cost") : List.of(args);
    System.out.printf("FleetLoad: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    try (Redis redis = new Redis()) {
      for (String section : sections) {
        switch (section) {
          case "stated" -> {
            fleet("stated 429s", "shared", AtlasSimulator.builder(), redis, false);
            fleet("stated 429s", "per process", AtlasSimulator.builder(), null, false);
          }
          case "bare" -> {
            fleet("bare 429s", "shared", AtlasSimulator.builder().bareRateLimitAnswers(true), redis, false);
            fleet("bare 429s", "per process", AtlasSimulator.builder().bareRateLimitAnswers(true), null, false);
          }
          case "outage" -> fleet("stated 429s, Redis stopped 10 s", "shared", AtlasSimulator.builder(), redis, true);
          case "cost" -> {
            for (int callers : new int[] {1, 16}) {
              cost(callers, null);
              cost(callers, redis);
            }
          }
          default -> throw new IllegalArgumentException("unknown section " + section);
        }
      }
    }
  }

  /** The fleet: 4 worker JVMs started together against one simulator; Redis killed at 5 s for 10 s when asked. */
  private static void fleet(String name, String label, AtlasSimulator.Builder builder, Redis redis, boolean outage)
      throws Exception {
    try (AtlasSimulator simulator = builder.rateLimit(new RateLimit(CAPACITY, REFILL, 1))
        .apiKey(ApiKey.of(PUBLIC_KEY, PRIVATE_KEY)).threads(64).start()) {
      String shared = redis == null ? "none" : redis.url();
      String prefix = "bench-" + System.nanoTime();
      List<Process> workers = new ArrayList<>();
      List<BufferedReader> outputs = new ArrayList<>();
      for (int p = 0; p < PROCESSES; p++) {
        Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
            System.getProperty("java.class.path"), FleetLoad.class.getName(), "worker",
            simulator.baseUri().toString(), shared, prefix).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        workers.add(worker);
        outputs.add(new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8)));
      }
      for (BufferedReader output : outputs) {
        expect(output.readLine(), "READY");
      }
      long start = System.currentTimeMillis();
      for (Process worker : workers) {
        worker.getOutputStream().write('\n');
        worker.getOutputStream().flush();
      }
      Thread outageThread = null;
      if (outage) {
        outageThread = new Thread(() -> {
          try {
            Thread.sleep(5_000);
            redis.kill();
            Thread.sleep(10_000);
            redis.start();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        outageThread.start();
      }
      int succeeded = 0;
      int failed = 0;
      int fallbacks = 0;
      List<Long> successes = new ArrayList<>();
      for (BufferedReader output : outputs) {
        String[] result = output.readLine().split(" ");
        expect(result[0], "RESULT");
        succeeded += Integer.parseInt(result[1]);
        failed += Integer.parseInt(result[2]);
        fallbacks += Integer.parseInt(result[3]);
        if (result.length > 4) {
          Arrays.stream(result[4].split(",")).map(Long::parseLong).forEach(successes::add);
        }
      }
      if (outageThread != null) {
        outageThread.join();
      }
      for (Process worker : workers) {
        worker.waitFor(30, TimeUnit.SECONDS);
      }
      Collections.sort(successes);
      double rate = successes.size() > CAPACITY ? (successes.size() - CAPACITY)
          / ((successes.get(successes.size() - 1) - successes.get(CAPACITY - 1)) / 1e3) : 0;
      System.out.printf("%s, %s: %d/%d succeeded, %d failed, %d 429s, %.2f/s after the first burst (%.0f%% of %d/s),"
              + " %d attempts under local limits (fallbacks), %.1f s in all%n", name, label, succeeded,
          PROCESSES * CREATES, failed, simulator.counters().rateLimited(), rate, 100 * rate / REFILL, REFILL,
          fallbacks, (System.currentTimeMillis() - start) / 1e3);
    }
  }

  /** One process of the fleet: default retry and rate-limit layers, shared through Redis unless {@code none}. */
  private static void worker(String simulator, String redisUrl, String prefix) throws Exception {
    RedisSharedLimits shared = redisUrl.equals("none") ? null
        : RedisSharedLimits.builder(redisUrl).keyPrefix(prefix).connect();
    RateLimitSettings limits = shared == null ? RateLimitSettings.defaults()
        : RateLimitSettings.builder().sharedThrough(shared).build();
    LongAdder fallbacks = new LongAdder();
    try (AtlasClient client = client(simulator, limits, fallbacks)) {
      ServerlessPrivateEndpointsApi api = client.api(ServerlessPrivateEndpointsApi.class);
      System.out.println("READY");
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      List<Long> successes = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger failed = new AtomicInteger();
      AtomicInteger next = new AtomicInteger();
      callers(CALLERS, () -> {
        while (next.getAndIncrement() < CREATES) {
          try {
            create(api);
            successes.add(System.currentTimeMillis());
          } catch (RuntimeException e) {
            failed.incrementAndGet();
            System.err.println("failed: " + e.getClass().getSimpleName());
          }
        }
      });
      System.out.println("RESULT " + successes.size() + " " + failed + " " + fallbacks + " "
          + String.join(",", successes.stream().map(String::valueOf).toList()));
    } finally {
      if (shared != null) {
        shared.close();
      }
    }
  }

  /**
   * What sharing costs one process: {@code callers} × calls against an unlimited simulator with a
   * limit far above what is sent, with and without Redis; mean latency per call, and Redis commands
   * per call from Redis's own count.
   */
  private static void cost(int callers, Redis redis) throws Exception {
    int calls = callers == 1 ? 1_000 : 4_000;
    try (AtlasSimulator simulator = AtlasSimulator.builder().rateLimit(RateLimit.unlimited())
        .apiKey(ApiKey.of(PUBLIC_KEY, PRIVATE_KEY)).threads(64).start();
        RedisSharedLimits shared = redis == null ? null
            : RedisSharedLimits.builder(redis.url()).keyPrefix("cost-" + System.nanoTime())
                .slowStart(false).connect()) { // the cost per call, not the one-time slow start
      RateLimitSettings.Builder limits = RateLimitSettings.builder().defaultLimit(1_000_000, Duration.ofSeconds(1));
      if (shared != null) {
        limits.sharedThrough(shared);
      }
      LongAdder fallbacks = new LongAdder();
      try (AtlasClient client = client(simulator.baseUri().toString(), limits.build(), fallbacks)) {
        ServerlessPrivateEndpointsApi api = client.api(ServerlessPrivateEndpointsApi.class);
        for (int i = 0; i < 300; i++) {
          create(api); // warm-up
        }
        long commandsBefore = redis == null ? 0 : redis.commandsProcessed();
        LongAdder nanos = new LongAdder();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        callers(callers, () -> {
          while (next.getAndIncrement() < calls) {
            long t = System.nanoTime();
            create(api);
            nanos.add(System.nanoTime() - t);
          }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        String commands = redis == null ? "" : String.format(", %.2f Redis commands per call",
            (redis.commandsProcessed() - commandsBefore - 1) / (double) calls);
        System.out.printf("cost, %d caller(s), %s: %.3f ms per call (mean), %.0f calls/s%s, %d fallbacks%n", callers,
            redis == null ? "local limits" : "shared limits", nanos.sum() / 1e6 / calls, calls / seconds, commands,
            fallbacks.sum());
      }
    }
  }

  private static AtlasClient client(String simulator, RateLimitSettings limits, LongAdder fallbacks) {
    return AtlasClient.builder().baseUrl(simulator).apiKey(PUBLIC_KEY, PRIVATE_KEY)
        .layer(RetryLayer.of(RetrySettings.defaults())).layer(RateLimitLayer.of(limits))
        .listener(new ClientEventListener() {
          @Override
          public void onSharedLimitsFallback(String endpointSet) {
            fallbacks.increment();
          }
        }).build();
  }

  @SuppressWarnings("deprecation")
  private static void create(ServerlessPrivateEndpointsApi api) {
    api.createServerlessPrivateEndpoint(BenchTargets.PROJECT, BenchTargets.INSTANCE,
        new ServerlessTenantCreateRequest().comment("fleet"), null);
  }

  private static void callers(int count, Runnable body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < count; c++) {
        running.add(pool.submit(body));
      }
      for (Future<?> caller : running) {
        caller.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void expect(String line, String prefix) {
    if (line == null || !line.startsWith(prefix)) {
      throw new IllegalStateException("a worker said " + line + " instead of " + prefix);
    }
  }

  /** Debian's redis-server on 127.0.0.1 and a free port, nothing persisted; killed and restarted on demand. */
  private static final class Redis implements AutoCloseable {
    private final int port;
    private Process process;

    Redis() throws IOException, InterruptedException {
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      start();
    }

    String url() {
      return "redis://127.0.0.1:" + port;
    }

    void start() throws IOException, InterruptedException {
      process = new ProcessBuilder("/usr/bin/redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no").redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectErrorStream(true).start();
      for (int i = 0; i < 500; i++) {
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
          return;
        } catch (IOException notYet) {
          Thread.sleep(20);
        }
      }
      throw new IllegalStateException("redis-server did not start on port " + port);
    }

    void kill() throws InterruptedException {
      process.destroyForcibly().waitFor();
    }

    long commandsProcessed() {
      try (RedisClient client = RedisClient.create(url()); StatefulRedisConnection<String, String> c = client.connect()) {
        return c.sync().info("stats").lines().filter(l -> l.startsWith("total_commands_processed:"))
            .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim())).findFirst().orElseThrow();
      }
    }

    @Override
    public void close() throws InterruptedException {
      kill();
    }
  }
}
