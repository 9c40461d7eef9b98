package dev.atlasendpoints.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What one attempt ended with: an answer from Atlas, or an exception from the layers below. */
public sealed interface AttemptOutcome {

  /**
   * Atlas answered.
   *
   * @param status the HTTP status
   * @param retryAfter the wait its {@code Retry-After} asked for, if it named a valid one
   */
  record Answered(int status, Optional<Duration> retryAfter) implements AttemptOutcome {
    public Answered {
      Objects.requireNonNull(retryAfter, "retryAfter");
    }
  }

  /**
   * No answer: the SDK's exception says why (for example {@code AtlasConnectionException}: never
   * sent; {@code AtlasAmbiguousOutcomeException}: sent, Atlas may have acted).
   */
  record Failed(RuntimeException error) implements AttemptOutcome {
    public Failed {
      Objects.requireNonNull(error, "error");
    }
  }
}
