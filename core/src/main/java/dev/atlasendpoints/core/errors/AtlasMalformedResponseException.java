package dev.atlasendpoints.core.errors;

/**
 * An answer arrived but could not be used: not JSON, not the expected shape, an unexpected media
 * type, or larger than the configured bound. A 2xx answer means Atlas did act.
 */
public final class AtlasMalformedResponseException extends AtlasCommunicationException {

  private static final long serialVersionUID = 1L;
  private final int status;

  public AtlasMalformedResponseException(String operationId, int status, String message, Throwable cause) {
    super(operationId, message, cause);
    this.status = status;
  }

  /** The HTTP status of the unusable answer. */
  public int status() {
    return status;
  }

  @Override
  public boolean requestMayHaveBeenProcessed() {
    return status >= 200 && status < 300 || status >= 500;
  }
}
