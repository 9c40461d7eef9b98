package dev.atlasendpoints.simulator;

/**
 * A token bucket as Atlas runs them: {@code capacity} tokens, {@code refillRate} tokens added every
 * {@code refillDurationSeconds}, one token per request.
 *
 * @param capacity the most tokens the bucket holds
 * @param refillRate the tokens added per refill period
 * @param refillDurationSeconds the refill period
 */
public record RateLimit(int capacity, int refillRate, int refillDurationSeconds) {

  public RateLimit {
    if (capacity < 1 || refillRate < 1 || refillDurationSeconds < 1) {
      throw new IllegalArgumentException("capacity, refillRate and refillDurationSeconds must be at least 1");
    }
  }

  /** What the live service reported for these operations: 4000 requests, refilled each minute. */
  public static RateLimit atlasDefault() {
    return new RateLimit(4000, 4000, 60);
  }

  /** A bucket that never runs dry in practice, for benchmarks. */
  public static RateLimit unlimited() {
    return new RateLimit(Integer.MAX_VALUE, Integer.MAX_VALUE, 1);
  }

  /** Seconds per token, the unit the refill works in. */
  double secondsPerToken() {
    return (double) refillDurationSeconds / refillRate;
  }
}
