package dev.atlasendpoints.resilience;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A retry quota shared by every call of one client, like the AWS SDK's: each retry spends a token,
 * each call that succeeds at its first attempt earns back a fraction of one. While Atlas is healthy
 * the quota stays full; when it fails for everyone, retries stop after {@code capacity} of them
 * instead of multiplying the load by the number of attempts. Thread-safe.
 */
public final class RetryBudget {

  /**
   * @param capacity the most retries the quota can fund in a row
   * @param refundPerSuccess the part of a token a first-attempt success earns back
   */
  public record Settings(int capacity, double refundPerSuccess) {
    public Settings {
      if (capacity < 0 || refundPerSuccess < 0) {
        throw new IllegalArgumentException("capacity and refundPerSuccess must not be negative");
      }
    }

    /** 50 retries in a row; ten first-attempt successes earn one back. */
    public static Settings defaults() {
      return new Settings(50, 0.1);
    }

    /** No limit beyond each call's own attempts. */
    public static Settings unlimited() {
      return new Settings(Integer.MAX_VALUE / 1000, 1.0);
    }
  }

  private static final long SCALE = 1000;
  private final long capacity;
  private final long refund;
  private final AtomicLong milliTokens;

  RetryBudget(Settings settings) {
    this.capacity = settings.capacity() * SCALE;
    this.refund = Math.round(settings.refundPerSuccess() * SCALE);
    this.milliTokens = new AtomicLong(capacity);
  }

  /** Takes one retry's token, if there is one. */
  boolean tryAcquire() {
    while (true) {
      long current = milliTokens.get();
      if (current < SCALE) {
        return false;
      }
      if (milliTokens.compareAndSet(current, current - SCALE)) {
        return true;
      }
    }
  }

  void onFirstAttemptSuccess() {
    milliTokens.updateAndGet(current -> Math.min(capacity, current + refund));
  }
}
