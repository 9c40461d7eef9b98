package dev.atlasendpoints.examples;

import dev.atlasendpoints.core.AtlasClient;
import dev.atlasendpoints.core.errors.AtlasException;
import dev.atlasendpoints.metrics.MeterNames;
import dev.atlasendpoints.provisioning.Outcome;
import dev.atlasendpoints.provisioning.Provisioner;
import dev.atlasendpoints.provisioning.micrometer.MicrometerProvisioningListener;
import dev.atlasendpoints.ratelimit.redis.RedisSharedLimits;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code load}: N creates from C concurrent callers, with throughput, latency and outcomes. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Sends N creates (serverless endpoints, or AWS endpoints under one service) from C concurrent "
        + "callers and prints calls per second, p50/p99 latency, HTTP exchanges per call and the outcome counts; "
        + "with --exactly-once, also how many were created and how many adopted.")
final class LoadCommand extends AtlasCli.Subcommand {

  /** What {@code load} creates. */
  enum Target { SERVERLESS, ENDPOINT }

  @Option(names = "--operation", defaultValue = "serverless",
      description = "serverless (serverless endpoints) or endpoint (AWS endpoints with distinct generated vpce- ids "
          + "under --service-id) (default: ${DEFAULT-VALUE}).")
  Target operation;

  @Option(names = "--service-id", description = "With --operation endpoint: the AWS endpoint service's id.")
  String serviceId;

  @Option(names = "--exactly-once",
      description = "Send each call through the reconciling create (read back after an ambiguous outcome).")
  boolean exactlyOnce;

  @Option(names = {"-n", "--calls"}, defaultValue = "200", description = "Calls in all (default: ${DEFAULT-VALUE}).")
  int calls;

  @Option(names = {"-c", "--concurrency"}, defaultValue = "4", description = "Concurrent callers (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--instance", defaultValue = "load-instance", description = "Serverless instance (default: ${DEFAULT-VALUE}).")
  String instance;

  @Option(names = "--metrics-port", description = "Serve /metrics on 127.0.0.1 at this port while running.")
  Integer metricsPort;

  /** Where {@code --shared-limits} without a URL reads it: a password in argv is visible to every user of the host. */
  static final String SHARED_LIMITS_URL = "ATLAS_SHARED_LIMITS_URL";

  @Option(names = "--shared-limits", paramLabel = "URL", arity = "0..1", fallbackValue = "",
      description = "Share rate limits with every other process using this Redis (redis://[:password@]host:port or "
          + "rediss://…), so that a fleet on one API key stays within Atlas's limits together. Without a URL: "
          + "$" + SHARED_LIMITS_URL + " (keeps a password out of the process list).")
  String sharedLimits;

  @Option(names = "--hold-seconds", defaultValue = "0",
      description = "With --metrics-port: keep /metrics open this long after the last call, for a final scrape "
          + "(default: ${DEFAULT-VALUE}).")
  int holdSeconds;

  @Override
  public Integer call() throws Exception {
    checkOptions();
    String project = cli.projectOrFail();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    Map<Outcome, LongAdder> settled = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      settled.put(outcome, new LongAdder());
    }
    long[] latencies = new long[calls];
    AtomicInteger next = new AtomicInteger();
    PrometheusEndpoint endpoint = metricsPort == null ? null : new PrometheusEndpoint(registry, metricsPort);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    try (RedisSharedLimits shared = sharedLimits == null ? null : connectShared();
        AtlasClient client = ClientFactory.fullyLayered(cli.environment(), registry, "cli-load", shared)) {
      Provisioner provisioner = Provisioner.builder(client)
          .listener(new MicrometerProvisioningListener(registry)).build();
      LoadCalls load = operation == Target.ENDPOINT
          ? LoadCalls.awsEndpoint(client, provisioner, project, serviceId, exactlyOnce)
          : LoadCalls.serverless(client, provisioner, project, instance, exactlyOnce);
      List<Future<?>> callers = new ArrayList<>();
      for (int c = 0; c < concurrency; c++) {
        callers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
            long callStart = System.nanoTime();
            String outcome = "success";
            try {
              Outcome result = load.call(i);
              if (result != null) {
                settled.get(result).increment();
              }
            } catch (AtlasException e) {
              outcome = e.getClass().getSimpleName();
            }
            latencies[i] = System.nanoTime() - callStart;
            outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
          }
          return null;
        }));
      }
      for (Future<?> caller : callers) {
        caller.get();
      }
      report(out(), System.nanoTime() - start, latencies, outcomes, registry);
      if (exactlyOnce) {
        out().printf("created: %d, adopted: %d%n", settled.get(Outcome.CREATED).sum(),
            settled.get(Outcome.ADOPTED).sum());
        out().flush();
      }
      if (endpoint != null && holdSeconds > 0) {
        Thread.sleep(holdSeconds * 1000L);
      }
    } finally {
      pool.shutdownNow();
      if (endpoint != null) {
        endpoint.close();
      }
    }
    return outcomes.keySet().stream().allMatch("success"::equals) ? AtlasCli.OK : AtlasCli.API_ERROR;
  }

  private RedisSharedLimits connectShared() {
    String url = sharedLimits.isEmpty() ? cli.environment.get(SHARED_LIMITS_URL) : sharedLimits;
    if (url == null || url.isBlank()) {
      throw new BadInputException("--shared-limits without a URL reads it from " + SHARED_LIMITS_URL + ", which is not set");
    }
    try {
      return RedisSharedLimits.connect(url);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--shared-limits: " + e.getMessage(), e); // the message never holds the URL
    }
  }

  private void checkOptions() {
    if (calls < 1 || concurrency < 1) {
      throw new BadInputException("--calls and --concurrency must be at least 1");
    }
    if (metricsPort != null && (metricsPort < 0 || metricsPort > 65_535)) {
      throw new BadInputException("--metrics-port must be between 0 and 65535");
    }
    if (operation == Target.ENDPOINT && serviceId == null) {
      throw new BadInputException("--operation endpoint needs --service-id");
    }
  }

  private void report(PrintWriter out, long elapsedNanos, long[] latencies, Map<String, LongAdder> outcomes,
      PrometheusMeterRegistry registry) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    long exchanges = registry.find(MeterNames.EXCHANGES).timers().stream().mapToLong(Timer::count).sum();
    out.printf("calls: %d, concurrency: %d%n", calls, concurrency);
    out.printf("calls per second: %.1f%n", calls / (elapsedNanos / 1e9));
    out.printf("latency p50: %.2f ms, p99: %.2f ms%n", percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6);
    out.printf("HTTP exchanges per call: %.3f%n", (double) exchanges / calls);
    Map<String, Long> counts = new TreeMap<>();
    outcomes.forEach((outcome, count) -> counts.put(outcome, count.sum()));
    out.println("outcomes: " + counts);
    out.flush();
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
