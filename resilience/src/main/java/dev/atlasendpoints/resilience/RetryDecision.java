package dev.atlasendpoints.resilience;

import java.time.Duration;
import java.util.Objects;

/** What a {@link RetryPolicy} decided for one attempt. */
public sealed interface RetryDecision {

  /**
   * Send the request again after waiting {@code after}.
   *
   * @param reason a bounded reason (a status such as {@code 429}, or an exception's simple class
   *     name), reported to listeners and usable as a metric tag
   */
  record Retry(Duration after, String reason) implements RetryDecision {
    public Retry {
      Objects.requireNonNull(after, "after");
      Objects.requireNonNull(reason, "reason");
      if (after.isNegative()) {
        throw new IllegalArgumentException("a retry cannot wait a negative time");
      }
    }
  }

  /**
   * Hand the caller this attempt's outcome.
   *
   * @param because why, in words, for logs and tests
   */
  record Stop(String because) implements RetryDecision {
    public Stop {
      Objects.requireNonNull(because, "because");
    }
  }

  static RetryDecision retry(Duration wait, String reason) {
    return new Retry(wait, reason);
  }

  static RetryDecision stop(String because) {
    return new Stop(because);
  }
}
