package dev.atlasendpoints.core.errors;

/**
 * An answer arrived but could not be used: not JSON, not the expected shape, an unexpected media
 * type, larger than the configured bound, not valid HTTP, or with a status outside 100–599. A 2xx
 * answer means Atlas did act; only a 3xx or 4xx status proves it did not.
 */
public final class AtlasMalformedResponseException extends AtlasCommunicationException {

  private static final long serialVersionUID = 1L;
  /** The status of an answer whose status line could not be read. */
  public static final int NO_STATUS = 0;
  private final int status;

  public AtlasMalformedResponseException(String operationId, int status, String message, Throwable cause) {
    super(operationId, message, cause);
    this.status = status;
  }

  /** The HTTP status of the unusable answer; {@link #NO_STATUS} when it had no readable one. */
  public int status() {
    return status;
  }

  @Override
  public boolean requestMayHaveBeenProcessed() {
    return status < 300 || status >= 500;
  }
}
