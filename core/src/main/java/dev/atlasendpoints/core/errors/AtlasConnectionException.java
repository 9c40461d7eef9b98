package dev.atlasendpoints.core.errors;

/** The connection could not be made, so the request never reached Atlas: safe to try again. */
public final class AtlasConnectionException extends AtlasCommunicationException {

  private static final long serialVersionUID = 1L;

  public AtlasConnectionException(String operationId, String message, Throwable cause) {
    super(operationId, message, cause);
  }

  @Override
  public boolean requestMayHaveBeenProcessed() {
    return false;
  }
}
