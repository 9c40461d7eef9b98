package dev.atlasendpoints.metrics;

import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.ClientEventListener;
import dev.atlasendpoints.core.ClientLayer;
import dev.atlasendpoints.core.LayerPosition;
import dev.atlasendpoints.core.Responses;
import feign.Client;
import feign.Request;
import feign.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Micrometer metrics for an Atlas client, as two layers and a listener: a per-call timer
 * ({@link #callLayer()}, one sample per API method call, retries and waits included), a
 * per-exchange timer ({@link #exchangeLayer()}, one sample per HTTP exchange, digest challenges and
 * service-account token requests included), so that retries and authentication round trips show
 * as the difference; and counters of the retries and client-side throttling other layers report
 * ({@link #eventListener()}). Also counters for challenges, 429s and deprecated calls, and a gauge
 * of the last {@code RateLimit-Remaining} per endpoint set, and one of the rate the client-side
 * rate limiter allows per endpoint set.
 *
 * <pre>{@code
 * AtlasMetrics metrics = AtlasMetrics.of(registry, MetricsSettings.defaults());
 * AtlasClient atlas = AtlasClient.builder().apiKey(publicKey, privateKey)
 *     .layer(metrics.callLayer()).layer(metrics.exchangeLayer()).listener(metrics.eventListener())
 *     .build();
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
  /** The allowed rate per endpoint set, as the bits of a double. */
  private final Map<String, AtomicLong> allowedRateByEndpointSet = new ConcurrentHashMap<>();

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

  /** The per-call layer. */
  public ClientLayer callLayer() {
    return ClientLayer.of(LayerPosition.CALL, "atlas-metrics-calls", (next, context) -> (request, options) -> {
      AtlasOperation operation = context.call(request).operation();
      safely(() -> countDeprecated(operation));
      return timed(MeterNames.CALLS, next, request, options, operation, false);
    });
  }

  /** The per-exchange layer. */
  public ClientLayer exchangeLayer() {
    return ClientLayer.of(LayerPosition.EXCHANGE, "atlas-metrics-exchanges", (next, context) -> (request, options) ->
        timed(MeterNames.EXCHANGES, next, request, options, context.call(request).operation(), true));
  }

  /** Counts the retries and client-side throttling that other layers report; register it on the builder. */
  public ClientEventListener eventListener() {
    return new ClientEventListener() {
      @Override
      public void onRetry(AtlasOperation operation, int attempt, Duration wait, String reason) {
        safely(() -> count(MeterNames.RETRIES, Tags.of(MeterNames.OPERATION, operation.operationId(),
            MeterNames.REASON, reason)));
      }

      @Override
      public void onClientThrottle(AtlasOperation operation, Duration waited, boolean refused) {
        safely(() -> count(MeterNames.RATE_LIMIT_WAITS, Tags.of(MeterNames.OPERATION,
            operation.operationId(), MeterNames.REFUSED, String.valueOf(refused))));
      }

      @Override
      public void onRateChange(String endpointSet, double permitsPerSecond) {
        safely(() -> allowedRateGauge(endpointSet).set(Double.doubleToLongBits(permitsPerSecond)));
      }

      @Override
      public void onSharedLimitsFallback(String endpointSet) {
        safely(() -> count(MeterNames.RATE_LIMIT_FALLBACKS, Tags.of(MeterNames.ENDPOINT_SET, endpointSet)));
      }
    };
  }

  private AtomicLong allowedRateGauge(String endpointSet) {
    return allowedRateByEndpointSet.computeIfAbsent(endpointSet, set -> {
      AtomicLong bits = new AtomicLong();
      io.micrometer.core.instrument.Gauge.builder(MeterNames.RATE_LIMIT_RATE, bits,
              value -> Double.longBitsToDouble(value.get()))
          .description("requests per second the client-side rate limiter allows this endpoint set; 0 while paused")
          .tag(MeterNames.ENDPOINT_SET, set).register(registry);
      return bits;
    });
  }

  private Response timed(String name, Client next, Request request, Request.Options options,
      AtlasOperation operation, boolean perExchange) throws java.io.IOException {
    long start = System.nanoTime();
    Response response = null;
    Throwable failure = null;
    try {
      response = next.execute(request, options);
      return response;
    } catch (java.io.IOException | RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      long elapsed = System.nanoTime() - start;
      Response answered = response;
      Throwable thrown = failure;
      safely(() -> {
        Tags tags = TimerTags.of(operation, request, answered, thrown);
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
    String op = operation.operationId();
    if (response.status() == 401 && Responses.header(response.headers(), "WWW-Authenticate").isPresent()) {
      count(MeterNames.AUTH_CHALLENGES, Tags.of(MeterNames.OPERATION, op));
    }
    if (response.status() == 429) {
      count(MeterNames.THROTTLED, Tags.of(MeterNames.OPERATION, op));
    }
    if (operation != AtlasOperation.UNKNOWN) {
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

  private void countDeprecated(AtlasOperation operation) {
    if (operation.deprecated()) {
      count(MeterNames.DEPRECATED_CALLS, Tags.of(MeterNames.OPERATION, operation.operationId()));
    }
  }

  private void count(String name, Tags tags) {
    io.micrometer.core.instrument.Counter.builder(name).description(MeterNames.describe(name)).tags(tags)
        .register(registry).increment();
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
