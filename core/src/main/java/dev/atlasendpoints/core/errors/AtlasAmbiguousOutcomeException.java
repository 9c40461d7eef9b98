package dev.atlasendpoints.core.errors;

/**
 * The request was sent but no complete answer came back (the connection dropped, or the answer
 * timed out): Atlas may or may not have acted on it. The SDK never replays such a create on its own.
 */
public class AtlasAmbiguousOutcomeException extends AtlasCommunicationException {

  private static final long serialVersionUID = 1L;

  public AtlasAmbiguousOutcomeException(String operationId, String message, Throwable cause) {
    super(operationId, message, cause);
  }

  @Override
  public boolean requestMayHaveBeenProcessed() {
    return true;
  }
}
