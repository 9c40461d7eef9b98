package dev.atlasendpoints.simulator;

import java.util.Optional;

/**
 * Finds out who is calling: a service account by its bearer token, or an API key by its HTTP Digest
 * answer, verified on every request. A caller it cannot identify gets 401 with what to retry with.
 */
record Authenticate(String realm, DigestAuthenticator digest, ServiceAccountTokens tokens,
    SimulatorCounters counters) implements Step {

  private static final String BEARER = "Bearer ";

  @Override
  public StepResult apply(RequestContext context) {
    String authorization = context.request().header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return bearer(context, authorization.substring(BEARER.length()).trim());
    }
    return digest(context, authorization);
  }

  private StepResult bearer(RequestContext context, String token) {
    Optional<Caller> caller = tokens.authenticate(token);
    if (caller.isPresent()) {
      return context.authenticated(caller.get()).next();
    }
    return unauthorized(SimulatorResponse.error(401, "INVALID_TOKEN", "Unauthorized",
            "The access token is invalid or expired.")
        .withHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\", error=\"invalid_token\""));
  }

  private StepResult digest(RequestContext context, String authorization) {
    boolean stale = false;
    if (authorization != null) {
      SimulatorRequest request = context.request();
      DigestAuthenticator.Outcome outcome = digest.verify(authorization, request.method(), request.requestTarget());
      if (outcome instanceof DigestAuthenticator.Accepted accepted) {
        return context.authenticated(accepted.caller()).next();
      }
      stale = ((DigestAuthenticator.Rejected) outcome).stale();
    }
    counters.challenge();
    SimulatorResponse challenge = SimulatorResponse.error(401, "UNAUTHORIZED", "Unauthorized",
        "You are not authorized for this resource.");
    for (String value : digest.challenge(stale)) {
      challenge = challenge.withHeader("WWW-Authenticate", value);
    }
    return unauthorized(challenge);
  }

  /** The authentication layer sits in front of the API: its 401s know nothing of envelope, pretty or deprecation. */
  private static StepResult unauthorized(SimulatorResponse response) {
    return new StepResult.Respond(response, Presentation.PLAIN);
  }
}
