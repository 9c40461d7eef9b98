package dev.atlasendpoints.core.errors;

/** 403: the credentials are valid but may not act on this project. */
public final class AtlasForbiddenException extends AtlasApiException {

  private static final long serialVersionUID = 1L;

  public AtlasForbiddenException(ApiErrorDetails details) {
    super(details);
  }
}
