package dev.atlasendpoints.resilience;

import dev.atlasendpoints.core.AtlasOperation;
import java.time.Duration;
import java.util.Objects;

/**
 * One finished attempt, as a {@link RetryPolicy} sees it.
 *
 * @param operation the operation the call belongs to
 * @param number the attempt's number, from 1
 * @param outcome what the attempt ended with
 * @param waitedSoFar the time the call has already spent waiting between its attempts
 */
public record RetryAttempt(AtlasOperation operation, int number, AttemptOutcome outcome, Duration waitedSoFar) {

  public RetryAttempt {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(waitedSoFar, "waitedSoFar");
    if (number < 1) {
      throw new IllegalArgumentException("attempts are numbered from 1");
    }
  }
}
