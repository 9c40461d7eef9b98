package dev.atlasendpoints.observation;

import dev.atlasendpoints.core.AtlasOperation;
import io.micrometer.observation.Observation;
import java.util.Objects;

/**
 * What an {@link AtlasObservationNames#CALL} observation knows: the operation, the HTTP method and,
 * once it ends, the status of the answer the caller got ({@code -1} without one; the exception is
 * {@link #getError()}, also set when the status is 400 or more). For custom conventions and handlers.
 */
public final class AtlasCallContext extends Observation.Context {

  private final AtlasOperation operation;
  private final String method;
  private volatile int status = -1;

  AtlasCallContext(AtlasOperation operation, String method) {
    this.operation = Objects.requireNonNull(operation, "operation");
    this.method = Objects.requireNonNull(method, "method");
  }

  public AtlasOperation operation() {
    return operation;
  }

  public String method() {
    return method;
  }

  /** The status answered, or {@code -1} while running or when no answer came. */
  public int status() {
    return status;
  }

  void status(int status) {
    this.status = status;
  }
}
