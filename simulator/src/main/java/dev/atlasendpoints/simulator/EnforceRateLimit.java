package dev.atlasendpoints.simulator;

import java.util.List;
import java.util.Map;

/**
 * The token bucket of the v2 operations, creates and reads alike, one per endpoint set and project,
 * as Atlas runs them (v1.0 operations are not limited): an empty bucket answers 429
 * {@code RATE_LIMITED_TOKEN_BUCKET}; a granted request's answer carries {@code RateLimit-*} headers
 * (unless they are switched off, as the live service sometimes omits them).
 */
record EnforceRateLimit(TokenBuckets bucketsByProject, boolean sendHeaders, SimulatorCounters counters)
    implements Step {

  /** The endpoint set the v2 private-endpoint operations share a bucket in, as Atlas names it. */
  static final String ENDPOINT_SET = "api/atlas/v2/groups/{groupId}/privateEndpoint";

  @Override
  public StepResult apply(RequestContext context) {
    if (!context.operation().isV2()) {
      return context.next();
    }
    TokenBucket.Take take = bucketsByProject.take(context.projectId());
    if (!take.granted()) {
      counters.rateLimit();
      return context.respond(rateLimited(take.retryAfterSeconds()));
    }
    if (!sendHeaders) {
      return context.next();
    }
    return context.withRateLimitHeaders(List.of(
        Map.entry("RateLimit-Limit", String.valueOf(bucketsByProject.limit().capacity())),
        Map.entry("RateLimit-Remaining", String.valueOf(take.remaining())))).next();
  }

  /** The contract's 429: its detail and parameters name the endpoint set and the bucket's settings. */
  private SimulatorResponse rateLimited(long retryAfterSeconds) {
    RateLimit limit = bucketsByProject.limit();
    SimulatorResponse response = SimulatorResponse.error(429, "RATE_LIMITED_TOKEN_BUCKET", "Too Many Requests",
        "Rate limit exceeded for " + ENDPOINT_SET + ". Please retry after " + retryAfterSeconds
            + " seconds. Request capacity: " + limit.capacity() + ". Refill rate: " + limit.refillRate() + " per "
            + limit.refillDurationSeconds() + " seconds.",
        ENDPOINT_SET, retryAfterSeconds, limit.capacity(), limit.refillRate(), limit.refillDurationSeconds());
    return sendHeaders ? response.withHeader("Retry-After", String.valueOf(retryAfterSeconds)) : response;
  }
}
