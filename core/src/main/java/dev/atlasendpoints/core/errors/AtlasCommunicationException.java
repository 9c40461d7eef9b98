package dev.atlasendpoints.core.errors;

/**
 * No valid answer arrived: the connection failed, timed out or was dropped, or the answer could not
 * be read. {@link #requestMayHaveBeenProcessed()} tells whether Atlas may have acted anyway.
 */
public abstract class AtlasCommunicationException extends AtlasException {

  private static final long serialVersionUID = 1L;

  protected AtlasCommunicationException(String operationId, String message, Throwable cause) {
    super(operationId, message, cause);
  }

  /**
   * Whether Atlas may have acted on the request. When true, a create may have created the resource:
   * check before trying again.
   */
  public abstract boolean requestMayHaveBeenProcessed();
}
