package dev.atlasendpoints.metrics;

import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.ClientEventListener;
import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.core.LayerPosition;
import dev.atlasendpoints.core.internal.Responses;
import feign.Client;
import feign.Request;
import feign.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Micrometer metrics for an Atlas client, as two layers: a per-call timer ({@link #callLayer()},
 * one sample per API method call, retries and waits included) and a per-exchange timer
 * ({@link #exchangeLayer()}, one sample per HTTP exchange, digest challenges included), so that
 * retries and authentication round trips show as the difference. Counters for challenges, 429s,
 * retries, client-side throttling and deprecated calls, and a gauge of the last
 * {@code RateLimit-Remaining} per endpoint set.
 *
 * <pre>{@code
 * AtlasMetrics metrics = AtlasMetrics.of(registry, MetricsSettings.defaults());
 * AtlasClient atlas = AtlasClient.builder().apiKey(publicKey, privateKey)
 *     .layer(metrics.callLayer()).layer(metrics.exchangeLayer()).build();
 * }</pre>
 *
 * Tags are bounded by the spec (operationId, method, path template, status, outcome, exception
 * class); never a project id, a concrete URL, a message or a credential. Recording never throws
 * into the caller. No global registry is used: the caller hands one in.
 */
public final class AtlasMetrics {

  private static final System.Logger LOG = System.getLogger("dev.atlasendpoints.metrics");

  private final MeterRegistry registry;
  private final MetricsSettings settings;
  private final Map<String, AtomicLong> remainingByEndpointSet = new ConcurrentHashMap<>();

  private AtlasMetrics(MeterRegistry registry, MetricsSettings settings) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public static AtlasMetrics of(MeterRegistry registry, MetricsSettings settings) {
    return new AtlasMetrics(registry, settings);
  }

  public static AtlasMetrics of(MeterRegistry registry) {
    return of(registry, MetricsSettings.defaults());
  }

  /** The per-call layer; it also counts the retries and throttling the resilience layers report. */
  public ClientLayer callLayer() {
    return new CallLayer();
  }

  /** The per-exchange layer. */
  public ClientLayer exchangeLayer() {
    return new ExchangeLayer();
  }

  /** Both layers, for {@code AtlasClient.Builder.layer} calls. */
  public List<ClientLayer> layers() {
    return List.of(callLayer(), exchangeLayer());
  }

  private final class CallLayer implements ClientLayer, ClientEventListener {
    @Override
    public LayerPosition position() {
      return LayerPosition.CALL;
    }

    @Override
    public String name() {
      return "atlas-metrics-calls";
    }

    @Override
    public Client wrap(Client delegate) {
      return (request, options) -> {
        safely(() -> countDeprecated(request));
        return timed(MeterNames.CALLS, delegate, request, options, false);
      };
    }

    @Override
    public void onRetry(AtlasOperation operation, int attempt, Duration wait, String reason) {
      safely(() -> count(MeterNames.RETRIES, Tags.of(MeterNames.OPERATION, operationId(operation),
          MeterNames.REASON, reason)));
    }

    @Override
    public void onClientThrottle(AtlasOperation operation, Duration waited, boolean refused) {
      safely(() -> count(MeterNames.RATE_LIMIT_WAITS, Tags.of(MeterNames.OPERATION,
          operationId(operation), MeterNames.REFUSED, String.valueOf(refused))));
    }
  }

  private final class ExchangeLayer implements ClientLayer {
    @Override
    public LayerPosition position() {
      return LayerPosition.EXCHANGE;
    }

    @Override
    public String name() {
      return "atlas-metrics-exchanges";
    }

    @Override
    public Client wrap(Client delegate) {
      return (request, options) -> timed(MeterNames.EXCHANGES, delegate, request, options, true);
    }
  }

  private Response timed(String name, Client delegate, Request request, Request.Options options, boolean perExchange)
      throws java.io.IOException {
    long start = System.nanoTime();
    Response response = null;
    Throwable failure = null;
    try {
      response = delegate.execute(request, options);
      return response;
    } catch (java.io.IOException | RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      long elapsed = System.nanoTime() - start;
      Response answered = response;
      Throwable thrown = failure;
      safely(() -> {
        AtlasOperation operation = AtlasOperation.of(request).orElse(null);
        Tags tags = RequestTags.of(operation, request, answered, thrown);
        timer(name, tags).record(elapsed, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (perExchange && answered != null) {
          countExchange(operation, answered);
        }
      });
    }
  }

  private Timer timer(String name, Tags tags) {
    Timer.Builder builder = Timer.builder(name).tags(tags)
        .description(name.equals(MeterNames.CALLS) ? "API method calls, retries and waits included"
            : "HTTP exchanges with Atlas, authentication challenges included")
        .publishPercentileHistogram(settings.percentileHistogram());
    if (!settings.serviceLevelObjectives().isEmpty()) {
      builder.serviceLevelObjectives(settings.serviceLevelObjectives().toArray(Duration[]::new));
    }
    if (!settings.percentiles().isEmpty()) {
      builder.publishPercentiles(settings.percentiles().stream().mapToDouble(Double::doubleValue).toArray());
    }
    return builder.register(registry);
  }

  private void countExchange(AtlasOperation operation, Response response) {
    String op = operationId(operation);
    if (response.status() == 401 && Responses.header(response.headers(), "WWW-Authenticate").isPresent()) {
      count(MeterNames.AUTH_CHALLENGES, Tags.of(MeterNames.OPERATION, op));
    }
    if (response.status() == 429) {
      count(MeterNames.THROTTLED, Tags.of(MeterNames.OPERATION, op));
    }
    if (operation != null) {
      Responses.header(response.headers(), "RateLimit-Remaining").ifPresent(value -> {
        try {
          remainingGauge(operation.endpointSet()).set(Long.parseLong(value.trim()));
        } catch (NumberFormatException ignored) {
          // a malformed header says nothing
        }
      });
    }
  }

  private AtomicLong remainingGauge(String endpointSet) {
    return remainingByEndpointSet.computeIfAbsent(endpointSet, set -> {
      AtomicLong value = new AtomicLong();
      io.micrometer.core.instrument.Gauge.builder(MeterNames.RATE_LIMIT_REMAINING, value, AtomicLong::doubleValue)
          .description("RateLimit-Remaining of the last answer from this endpoint set")
          .tag(MeterNames.ENDPOINT_SET, set).register(registry);
      return value;
    });
  }

  private void countDeprecated(Request request) {
    AtlasOperation.of(request).filter(AtlasOperation::deprecated).ifPresent(operation ->
        count(MeterNames.DEPRECATED_CALLS, Tags.of(MeterNames.OPERATION, operation.operationId())));
  }

  private void count(String name, Tags tags) {
    io.micrometer.core.instrument.Counter.builder(name).description(MeterNames.describe(name)).tags(tags)
        .register(registry).increment();
  }

  static String operationId(AtlasOperation operation) {
    return operation == null ? MeterNames.NONE : operation.operationId();
  }

  /** Metrics must never break a call. */
  private static void safely(Runnable recording) {
    try {
      recording.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "recording Atlas client metrics failed: " + e.getClass().getName());
    }
  }
}
