package dev.atlasendpoints.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The client-side token buckets of the {@link RateLimitLayer}. Immutable; start from
 * {@link #defaults()}.
 *
 * @param defaultLimit the bucket of every endpoint set and project without an override
 * @param overrides buckets by endpoint set (e.g. {@code /api/atlas/v2/groups/{groupId}/privateEndpoint})
 * @param maxWait the longest a caller waits for a slot; a longer wait fails at once with
 *     {@link AtlasClientThrottledException}
 * @param learnFromService whether to follow the service's signals: after a 429 every caller of that
 *     bucket waits out {@code Retry-After} (and adopts the refill rate the answer states), and a
 *     {@code RateLimit-Remaining} of 0 pauses the bucket before it answers 429
 * @param emptyBucketPause how long a {@code RateLimit-Remaining: 0} pauses a bucket
 */
public record RateLimitSettings(Limit defaultLimit, Map<String, Limit> overrides, Duration maxWait,
    boolean learnFromService, Duration emptyBucketPause) {

  /**
   * A bucket: {@code permits} requests per {@code period}.
   *
   * @param permits requests per period
   * @param period the refill period
   */
  public record Limit(int permits, Duration period) {
    public Limit {
      Objects.requireNonNull(period, "period");
      if (permits < 1 || period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException("a limit needs at least one permit per positive period");
      }
    }
  }

  public RateLimitSettings {
    Objects.requireNonNull(defaultLimit, "defaultLimit");
    Objects.requireNonNull(maxWait, "maxWait");
    Objects.requireNonNull(emptyBucketPause, "emptyBucketPause");
    overrides = Map.copyOf(overrides);
    if (maxWait.isNegative() || emptyBucketPause.isNegative()) {
      throw new IllegalArgumentException("waits must not be negative");
    }
  }

  /** 100 requests per second per bucket, at most 30 s of waiting, learning from the service. */
  public static RateLimitSettings defaults() {
    return new RateLimitSettings(new Limit(100, Duration.ofSeconds(1)), Map.of(), Duration.ofSeconds(30), true,
        Duration.ofSeconds(1));
  }

  public static Builder builder() {
    return defaults().toBuilder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The bucket for an endpoint set. */
  Limit limitFor(String endpointSet) {
    return overrides.getOrDefault(endpointSet, defaultLimit);
  }

  /** Builds {@link RateLimitSettings}; unset values keep their defaults. */
  public static final class Builder {
    private Limit defaultLimit;
    private final java.util.HashMap<String, Limit> overrides;
    private Duration maxWait;
    private boolean learnFromService;
    private Duration emptyBucketPause;

    private Builder(RateLimitSettings from) {
      defaultLimit = from.defaultLimit;
      overrides = new java.util.HashMap<>(from.overrides);
      maxWait = from.maxWait;
      learnFromService = from.learnFromService;
      emptyBucketPause = from.emptyBucketPause;
    }

    public Builder defaultLimit(int permits, Duration period) {
      this.defaultLimit = new Limit(permits, period);
      return this;
    }

    public Builder override(String endpointSet, int permits, Duration period) {
      overrides.put(endpointSet, new Limit(permits, period));
      return this;
    }

    public Builder maxWait(Duration wait) {
      this.maxWait = wait;
      return this;
    }

    public Builder learnFromService(boolean learn) {
      this.learnFromService = learn;
      return this;
    }

    public Builder emptyBucketPause(Duration pause) {
      this.emptyBucketPause = pause;
      return this;
    }

    public RateLimitSettings build() {
      return new RateLimitSettings(defaultLimit, overrides, maxWait, learnFromService, emptyBucketPause);
    }
  }
}
