package dev.atlasendpoints.simulator;

import java.util.Optional;

/**
 * Injects the fault the plan decides for this request. Faults strike where they do in production:
 * after authentication, before any processing; only a created-then-dropped fault lets the request
 * through, and {@link Perform} drops its answer.
 */
record InjectFault(FaultPlan faults, SimulatorCounters counters, boolean rateLimitHeaders) implements Step {

  @Override
  public StepResult apply(RequestContext context) {
    Optional<Fault> decided = faults.decide(context.operation());
    if (decided.isEmpty()) {
      return context.next();
    }
    counters.fault();
    Fault fault = decided.get();
    return switch (fault.kind()) {
      case LATENCY -> {
        sleep(fault.latency().toMillis());
        yield context.next();
      }
      case INTERNAL_SERVER_ERROR -> context.respond(SimulatorResponse.error(500, "UNEXPECTED_ERROR",
          "Internal Server Error", "Unexpected error."));
      case BAD_GATEWAY -> context.respond(SimulatorResponse.error(502, "BAD_GATEWAY", "Bad Gateway",
          "Bad gateway."));
      case SERVICE_UNAVAILABLE -> context.respond(withRetryAfter(SimulatorResponse.error(503,
          "SERVICE_UNAVAILABLE", "Service Unavailable", "Service unavailable."), fault, true));
      case TOO_MANY_REQUESTS -> {
        counters.rateLimit();
        yield context.respond(withRetryAfter(SimulatorResponse.error(429, "RATE_LIMITED", "Too Many Requests",
            "Too many requests."), fault, rateLimitHeaders));
      }
      case RESET_BEFORE_PROCESSING -> new StepResult.Drop();
      case CREATED_THEN_DROPPED -> context.withFault(fault).next();
    };
  }

  /** A 503 always carries the fault's {@code Retry-After}; a 429 only where rate-limit headers are sent. */
  private static SimulatorResponse withRetryAfter(SimulatorResponse response, Fault fault, boolean send) {
    return send && fault.retryAfterSeconds() >= 0
        ? response.withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds()))
        : response;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
