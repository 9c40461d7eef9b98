package dev.atlasendpoints.core.errors;

/**
 * The root of every exception the SDK throws. Three branches below it: {@link AtlasApiException}
 * (Atlas answered with an error), {@link AtlasCommunicationException} (no valid answer arrived) and
 * {@link AtlasInvalidRequestException} (the client refused to send the request). Branch on types or
 * on {@link AtlasApiException#errorCode()}, never on message text. Messages never hold secrets.
 */
public abstract class AtlasException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String operationId;

  protected AtlasException(String operationId, String message, Throwable cause) {
    super(message, cause);
    this.operationId = operationId;
  }

  /** The spec's operationId of the call that failed, or {@code null} when not known. */
  public String operationId() {
    return operationId;
  }
}
