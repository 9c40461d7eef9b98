package dev.atlasendpoints.resilience;

import dev.atlasendpoints.core.errors.AtlasCommunicationException;
import java.time.Duration;

/**
 * The client-side rate limiter refused the request because it would have had to wait longer than
 * allowed: nothing was sent. {@link #wouldWait()} says how long a slot was away.
 */
public final class AtlasClientThrottledException extends AtlasCommunicationException {

  private static final long serialVersionUID = 1L;
  private final Duration wouldWait;

  public AtlasClientThrottledException(String operationId, Duration wouldWait, Duration maxWait) {
    super(operationId, (operationId == null ? "the request" : operationId) + " was not sent: the client-side rate "
        + "limit would make it wait " + wouldWait.toMillis() + " ms, more than the allowed " + maxWait.toMillis() + " ms",
        null);
    this.wouldWait = wouldWait;
  }

  public Duration wouldWait() {
    return wouldWait;
  }

  @Override
  public boolean requestMayHaveBeenProcessed() {
    return false;
  }
}
