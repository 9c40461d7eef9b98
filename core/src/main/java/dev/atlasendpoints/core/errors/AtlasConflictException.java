package dev.atlasendpoints.core.errors;

/** 409: the resource exists already, e.g. {@code PRIVATE_ENDPOINT_SERVICE_ALREADY_EXISTS_FOR_REGION}. */
public final class AtlasConflictException extends AtlasApiException {

  private static final long serialVersionUID = 1L;

  public AtlasConflictException(ApiErrorDetails details) {
    super(details);
  }
}
