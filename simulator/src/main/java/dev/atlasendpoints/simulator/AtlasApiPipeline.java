package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The steps of an Atlas API request, in the live service's order, which decides what a client sees
 * when several things are wrong at once: a request with bad credentials to a missing project gets
 * 401, not 404; an invalid body still costs a rate-limit token.
 */
final class AtlasApiPipeline {

  private AtlasApiPipeline() {}

  static Pipeline create(SimulatorSettings settings, DigestAuthenticator digest, ServiceAccountTokens tokens,
      OperationHandlers operations, FaultPlan faults, TokenBuckets rateLimits, SimulatorCounters counters,
      ObjectMapper mapper) {
    return new Pipeline(List.of(
        new Route(counters),                                        // 404, 405
        new Authenticate(settings.realm(), digest, tokens, counters), // 401 with a challenge
        new EnforceSunset(settings.sunsetEnforced()),               // 410
        new InjectFault(faults, counters, settings.rateLimitHeaders()), // latency, 500, 502, 503, 429, drop
        new ValidatePath(),                                         // 400
        new CheckProject(settings::projectExists, settings.accessDeniedStatus()), // 404 GROUP_NOT_FOUND, 403/401
        new EnforceRateLimit(rateLimits, settings.rateLimitHeaders(), settings.bareRateLimitAnswers(),
            settings.rateLimitV1(), counters),                      // 429
        new ValidateBody(mapper),                                   // 400
        new Perform(operations, counters)));                        // 2xx, 404, 409; drop after a create
  }
}
