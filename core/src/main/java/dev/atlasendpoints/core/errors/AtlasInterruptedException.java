package dev.atlasendpoints.core.errors;

/**
 * The calling thread was interrupted while the SDK waited (before a retry, for a rate-limit slot,
 * for a token). The thread's interrupt flag is set again, so the caller's own cancellation still
 * sees it. {@link #requestMayHaveBeenProcessed()} tells whether an earlier attempt of the call may
 * have reached Atlas.
 */
public final class AtlasInterruptedException extends AtlasCommunicationException {

  private static final long serialVersionUID = 1L;
  private final boolean mayHaveBeenProcessed;

  /**
   * @param waitingFor what the call was waiting for, e.g. "a rate-limit slot"
   * @param mayHaveBeenProcessed whether an earlier attempt may have reached Atlas
   */
  public AtlasInterruptedException(String operationId, String waitingFor, boolean mayHaveBeenProcessed) {
    super(operationId, (operationId == null ? "the call" : operationId) + " was interrupted while " + waitingFor,
        null);
    this.mayHaveBeenProcessed = mayHaveBeenProcessed;
  }

  @Override
  public boolean requestMayHaveBeenProcessed() {
    return mayHaveBeenProcessed;
  }
}
