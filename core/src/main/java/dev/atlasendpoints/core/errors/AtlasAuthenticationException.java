package dev.atlasendpoints.core.errors;

/** 401: the credentials are missing, wrong or expired. */
public final class AtlasAuthenticationException extends AtlasApiException {

  private static final long serialVersionUID = 1L;

  public AtlasAuthenticationException(ApiErrorDetails details) {
    super(details);
  }
}
