package dev.atlasendpoints.simulator;

import java.util.List;
import java.util.Map;

/**
 * The token bucket of the v2 operations, creates and reads alike, one per endpoint set and project,
 * as Atlas runs them: an empty bucket answers 429 {@code RATE_LIMITED_TOKEN_BUCKET}; a granted
 * request's answer carries {@code RateLimit-*} headers (unless they are switched off, as the live
 * service sometimes omits them). With {@code bareAnswers} the 429 is the older kind the spec's own
 * example shows: {@code RATE_LIMITED} with only {@code Retry-After}, no refill parameters and no
 * {@code RateLimit-*} headers. With {@code limitsV1} the v1.0 operations have their own bucket of
 * the same size, answered bare, as older limits are; otherwise they are not limited.
 */
record EnforceRateLimit(TokenBuckets buckets, boolean sendHeaders, boolean bareAnswers, boolean limitsV1,
    SimulatorCounters counters) implements Step {

  /** The endpoint set the v2 private-endpoint operations share a bucket in, as Atlas names it. */
  static final String ENDPOINT_SET = "api/atlas/v2/groups/{groupId}/privateEndpoint";
  /** The endpoint set of the v1.0 private-endpoint operations, when they are limited. */
  static final String ENDPOINT_SET_V1 = "api/atlas/v1.0/groups/{groupId}/privateEndpoint";

  @Override
  public StepResult apply(RequestContext context) {
    boolean v2 = context.operation().isV2();
    if (!v2 && !limitsV1) {
      return context.next();
    }
    TokenBucket.Take take = buckets.take((v2 ? ENDPOINT_SET : ENDPOINT_SET_V1) + "@" + context.projectId());
    boolean bare = bareAnswers || !v2;
    if (!take.granted()) {
      counters.rateLimit();
      return context.respond(bare ? bareRateLimited(take.retryAfterSeconds()) : rateLimited(take.retryAfterSeconds()));
    }
    if (!sendHeaders || bare) {
      return context.next();
    }
    return context.withRateLimitHeaders(List.of(
        Map.entry("RateLimit-Limit", String.valueOf(buckets.limit().capacity())),
        Map.entry("RateLimit-Remaining", String.valueOf(take.remaining())))).next();
  }

  /** The contract's 429: its detail and parameters name the endpoint set and the bucket's settings. */
  private SimulatorResponse rateLimited(long retryAfterSeconds) {
    RateLimit limit = buckets.limit();
    SimulatorResponse response = SimulatorResponse.error(429, "RATE_LIMITED_TOKEN_BUCKET", "Too Many Requests",
        "Rate limit exceeded for " + ENDPOINT_SET + ". Please retry after " + retryAfterSeconds
            + " seconds. Request capacity: " + limit.capacity() + ". Refill rate: " + limit.refillRate() + " per "
            + limit.refillDurationSeconds() + " seconds.",
        ENDPOINT_SET, retryAfterSeconds, limit.capacity(), limit.refillRate(), limit.refillDurationSeconds());
    return sendHeaders ? response.withHeader("Retry-After", String.valueOf(retryAfterSeconds)) : response;
  }

  /** The spec's own 429 example: nothing about the bucket but when to come back. */
  private SimulatorResponse bareRateLimited(long retryAfterSeconds) {
    SimulatorResponse response = SimulatorResponse.error(429, "RATE_LIMITED", "Too Many Requests",
        "Too many requests.");
    return sendHeaders ? response.withHeader("Retry-After", String.valueOf(retryAfterSeconds)) : response;
  }
}
