package dev.atlasendpoints.core.errors;

/** 429: a rate limit's bucket is empty; nothing was done. Wait {@link #retryAfter()} when present. */
public final class AtlasRateLimitedException extends AtlasApiException {

  private static final long serialVersionUID = 1L;

  public AtlasRateLimitedException(ApiErrorDetails details) {
    super(details);
  }
}
