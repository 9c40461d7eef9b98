package dev.atlasendpoints.core.errors;

/** The answer did not arrive within the read timeout; Atlas may have acted on the request. */
public final class AtlasTimeoutException extends AtlasAmbiguousOutcomeException {

  private static final long serialVersionUID = 1L;

  public AtlasTimeoutException(String operationId, String message, Throwable cause) {
    super(operationId, message, cause);
  }
}
