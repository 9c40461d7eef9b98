package dev.atlasendpoints.core.errors;

/** 410: the operation is past its sunset ({@code VERSION_GONE}). */
public final class AtlasGoneException extends AtlasApiException {

  private static final long serialVersionUID = 1L;

  public AtlasGoneException(ApiErrorDetails details) {
    super(details);
  }
}
