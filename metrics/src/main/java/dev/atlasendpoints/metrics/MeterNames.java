package dev.atlasendpoints.metrics;

/** The meters and tag keys this module publishes; the module README has the table. */
public final class MeterNames {

  public static final String CALLS = "atlas.client.calls";
  public static final String EXCHANGES = "atlas.client.exchanges";
  public static final String AUTH_CHALLENGES = "atlas.client.auth.challenges";
  public static final String THROTTLED = "atlas.client.throttled";
  public static final String RETRIES = "atlas.client.retries";
  public static final String RATE_LIMIT_WAITS = "atlas.client.ratelimit.waits";
  public static final String DEPRECATED_CALLS = "atlas.client.deprecated.calls";
  public static final String RATE_LIMIT_REMAINING = "atlas.client.ratelimit.remaining";
  public static final String RATE_LIMIT_RATE = "atlas.client.ratelimit.rate";
  public static final String RATE_LIMIT_FALLBACKS = "atlas.client.ratelimit.shared.fallbacks";

  public static final String OPERATION = dev.atlasendpoints.core.RequestTags.OPERATION;
  public static final String METHOD = dev.atlasendpoints.core.RequestTags.METHOD;
  public static final String URI = dev.atlasendpoints.core.RequestTags.URI;
  public static final String STATUS = dev.atlasendpoints.core.RequestTags.STATUS;
  public static final String OUTCOME = dev.atlasendpoints.core.RequestTags.OUTCOME;
  public static final String EXCEPTION = dev.atlasendpoints.core.RequestTags.EXCEPTION;
  public static final String REASON = "reason";
  public static final String REFUSED = "refused";
  public static final String ENDPOINT_SET = "endpoint.set";

  /** The value of a tag that has nothing to say, so every sample carries the same keys. */
  public static final String NONE = dev.atlasendpoints.core.RequestTags.NONE;

  private MeterNames() {}

  /** The help text of a counter. */
  static String describe(String counter) {
    return switch (counter) {
      case AUTH_CHALLENGES -> "401 answers that carried an authentication challenge";
      case THROTTLED -> "429 answers received from Atlas";
      case RETRIES -> "attempts sent again by the resilience layer";
      case RATE_LIMIT_WAITS -> "attempts the client-side rate limiter delayed or refused";
      case RATE_LIMIT_FALLBACKS -> "attempts sent under this process's own limits because the shared store did not answer";
      case DEPRECATED_CALLS -> "calls to operations the spec marks deprecated";
      default -> counter;
    };
  }
}
