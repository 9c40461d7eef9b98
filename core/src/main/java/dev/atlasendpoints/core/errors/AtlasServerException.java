package dev.atlasendpoints.core.errors;

/** 5xx: Atlas failed. A create that failed this way may still have created the resource. */
public final class AtlasServerException extends AtlasApiException {

  private static final long serialVersionUID = 1L;

  public AtlasServerException(ApiErrorDetails details) {
    super(details);
  }
}
