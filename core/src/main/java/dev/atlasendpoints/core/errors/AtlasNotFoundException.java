package dev.atlasendpoints.core.errors;

/** 404: the project, service or instance does not exist ({@code GROUP_NOT_FOUND}, {@code RESOURCE_NOT_FOUND}). */
public final class AtlasNotFoundException extends AtlasApiException {

  private static final long serialVersionUID = 1L;

  public AtlasNotFoundException(ApiErrorDetails details) {
    super(details);
  }
}
