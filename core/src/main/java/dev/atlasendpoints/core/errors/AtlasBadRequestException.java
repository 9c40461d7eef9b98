package dev.atlasendpoints.core.errors;

/** 400: the request breaks a rule the client could not check (see {@link #fieldErrors()}). */
public final class AtlasBadRequestException extends AtlasApiException {

  private static final long serialVersionUID = 1L;

  public AtlasBadRequestException(ApiErrorDetails details) {
    super(details);
  }
}
