package dev.atlasendpoints.resilience;

import dev.atlasendpoints.core.AtlasCall;
import dev.atlasendpoints.core.AtlasOperation;
import dev.atlasendpoints.core.LayerContext;
import dev.atlasendpoints.core.Responses;
import dev.atlasendpoints.core.errors.AtlasInterruptedException;
import feign.Client;
import feign.Request;
import feign.Response;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The decorator behind {@link RateLimitLayer}: one bucket per endpoint set and project. */
final class RateLimitingClient implements Client {

  private final Client next;
  private final RateLimitSettings settings;
  private final LayerContext context;
  private final Clock clock;
  /** The longest any 429 or empty bucket pauses a bucket. */
  static final Duration MAX_PAUSE = Duration.ofMinutes(15);

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** A bucket: the local limiter, and the service's signals learned for it. */
  private static final class Bucket {
    volatile RateLimiter limiter;
    volatile RateLimitSettings.Limit learned;
    final AtomicLong pausedUntilNanos = new AtomicLong(System.nanoTime());

    Bucket(RateLimiter limiter) {
      this.limiter = limiter;
    }
  }

  RateLimitingClient(Client next, RateLimitSettings settings, LayerContext context, Clock clock) {
    this.next = next;
    this.settings = settings;
    this.context = context;
    this.clock = clock;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    AtlasCall call = context.call(request);
    AtlasOperation operation = call.operation();
    if (!operation.isV2()) {
      return next.execute(request, options); // Atlas rate-limits v2 only
    }
    String endpointSet = operation.endpointSet();
    String key = endpointSet + "@" + (call.projectId() == null ? "" : call.projectId());
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(limiter(k, settings.limitFor(endpointSet))));
    awaitSlot(bucket, operation);
    Response response = next.execute(request, options);
    return settings.learnFromService() ? learn(bucket, key, response) : response;
  }

  private void awaitSlot(Bucket bucket, AtlasOperation operation) {
    long start = System.nanoTime();
    long pause = Math.max(0, bucket.pausedUntilNanos.get() - start);
    if (pause > settings.maxWait().toNanos()) {
      refuse(operation, Duration.ofNanos(pause));
    }
    sleep(pause, operation);
    long reserved = bucket.limiter.reservePermission(); // -1 when the slot is further away than maxWait
    if (reserved < 0) {
      refuse(operation, settings.maxWait().plusNanos(1));
    }
    sleep(reserved, operation);
    long waited = System.nanoTime() - start;
    if (waited > TimeUnit.MILLISECONDS.toNanos(1)) {
      context.events().onClientThrottle(operation, Duration.ofNanos(waited), false);
    }
  }

  private void refuse(AtlasOperation operation, Duration wouldWait) {
    context.events().onClientThrottle(operation, Duration.ZERO, true);
    throw new AtlasClientThrottledException(operation.operationId(), wouldWait, settings.maxWait());
  }

  /**
   * After a 429 the bucket pauses until {@code Retry-After} and, when the answer states its refill
   * rate (Atlas's parameters: set, wait, capacity, refill, seconds), adopts it; a
   * {@code RateLimit-Remaining} of 0 pauses it before it answers 429.
   */
  private Response learn(Bucket bucket, String key, Response response) {
    if (response.status() == 429) {
      Duration wait = Responses.retryAfter(response, clock).orElse(settings.emptyBucketPause());
      pauseFor(bucket, wait);
      byte[] body;
      try {
        body = Responses.readBody(response, ServiceRefillRate.MAX_BYTES, context.call(response.request())
            .operation().operationId());
      } finally {
        Responses.discard(response); // read, or refused as too large: either way done with
      }
      ServiceRefillRate.of(body).filter(rate -> !rate.equals(bucket.learned)).ifPresent(rate -> {
        bucket.learned = rate;
        bucket.limiter = limiter(key, rate);
      });
      return response.toBuilder().body(body).build(); // the body was read: hand on a copy
    }
    Responses.header(response.headers(), "RateLimit-Remaining").ifPresent(remaining -> {
      if (remaining.trim().equals("0")) {
        pauseFor(bucket, settings.emptyBucketPause());
      }
    });
    return response;
  }

  /**
   * Pauses the bucket for {@code wait}, at most {@link #MAX_PAUSE}: a {@code Retry-After} of years
   * must not silence a bucket until the process restarts. A pause only ever moves later.
   */
  private static void pauseFor(Bucket bucket, Duration wait) {
    long until = System.nanoTime() + (wait.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : wait).toNanos();
    bucket.pausedUntilNanos.accumulateAndGet(until, (current, proposed) -> proposed - current > 0 ? proposed : current);
  }

  private RateLimiter limiter(String key, RateLimitSettings.Limit limit) {
    return RateLimiter.of(key, RateLimiterConfig.custom()
        .limitForPeriod(limit.permits())
        .limitRefreshPeriod(limit.period())
        .timeoutDuration(settings.maxWait())
        .build());
  }

  private static void sleep(long nanos, AtlasOperation operation) {
    if (nanos <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AtlasInterruptedException(operation.operationId(), "waiting for a client-side rate-limit slot", false);
    }
  }
}
