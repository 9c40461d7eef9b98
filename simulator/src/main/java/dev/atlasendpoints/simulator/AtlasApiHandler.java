package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Serves the five operations the way the live service does, in its order: authentication, injected
 * faults, path validation, project access, the rate limit, body validation, and only then the
 * change to the inventory.
 */
final class AtlasApiHandler implements HttpHandler {

  static final String ENDPOINT_SET = "api/atlas/v2/groups/{groupId}/privateEndpoint";

  private final SimulatorSettings settings;
  private final DigestAuthenticator digest;
  private final ServiceAccountTokens tokens;
  private final OperationHandlers operations;
  private final FaultPlan faults;
  private final SimulatorCounters counters;
  private final PendingRequests pending;
  private final ExchangeIO io;
  private final ObjectMapper mapper;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  AtlasApiHandler(SimulatorSettings settings, DigestAuthenticator digest, ServiceAccountTokens tokens,
      OperationHandlers operations, FaultPlan faults, SimulatorCounters counters, Consumer<RecordedRequest> recorder,
      ObjectMapper mapper) {
    this.settings = settings;
    this.digest = digest;
    this.tokens = tokens;
    this.operations = operations;
    this.faults = faults;
    this.counters = counters;
    this.mapper = mapper;
    this.pending = new PendingRequests(recorder, settings.clock());
    this.io = new ExchangeIO(mapper, pending);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      SimulatorRequest request = pending.receive(exchange, settings.maxBodyBytes());
      counters.request();
      serve(request);
    } finally {
      io.drop(exchange); // records it as unanswered unless an answer was sent; closes the exchange
    }
  }

  private void serve(SimulatorRequest request) throws IOException {
    Optional<Match> match = match(request.path());
    if (match.isEmpty()) {
      io.send(request.exchange(), SimulatorResponse.error(404, "RESOURCE_NOT_FOUND", "Not Found",
          "Cannot find resource " + request.path() + "."), false, false);
      return;
    }
    Operation operation = match.get().operation();
    counters.request(operation);
    boolean envelope = request.flag("envelope");
    boolean pretty = operation.offersPretty() && request.flag("pretty");
    if (!request.method().equals("POST")) {
      send(request, operation, SimulatorResponse.error(405, "METHOD_NOT_ALLOWED", "Method Not Allowed",
          request.method() + " is not allowed here."), envelope, pretty);
      return;
    }

    Optional<Caller> caller = authenticate(request);
    if (caller.isEmpty()) {
      return;
    }
    if (operation.deprecated() && settings.sunsetEnforced()) {
      send(request, operation, SimulatorResponse.error(410, "VERSION_GONE", "Gone",
          "This operation was removed on " + Operation.SUNSET + "."), envelope, pretty);
      return;
    }

    Optional<Fault> fault = faults.decide(operation);
    fault.ifPresent(f -> counters.fault());
    if (fault.isPresent()) {
      Optional<SimulatorResponse> faulted = applyBeforeProcessing(fault.get(), request);
      if (faulted.isPresent()) {
        send(request, operation, faulted.get(), envelope, pretty);
        return;
      }
      if (fault.get().kind() == Fault.Kind.RESET_BEFORE_PROCESSING) {
        io.drop(request.exchange());
        return;
      }
    }

    SimulatorResponse response = process(request, operation, match.get().path(), caller.get());
    boolean created = response.status() >= 200 && response.status() < 300;
    if (created) {
      counters.create(operation);
    }
    if (created && fault.isPresent() && fault.get().kind() == Fault.Kind.CREATED_THEN_DROPPED) {
      io.drop(request.exchange());
      return;
    }
    send(request, operation, response, envelope, pretty);
  }

  private SimulatorResponse process(SimulatorRequest request, Operation operation, Map<String, String> path,
      Caller caller) {
    FieldViolations pathViolations = new FieldViolations();
    RequestRules.checkPath(path, pathViolations);
    if (!pathViolations.isEmpty()) {
      return pathViolations.toResponse();
    }
    String projectId = path.get("groupId");
    if (!settings.projectExists(projectId)) {
      SimulatorResponse notFound = SimulatorResponse.error(404, "GROUP_NOT_FOUND", "Not Found",
          "No group with ID " + projectId + " exists.");
      notFound.errorBody().putArray("parameters").add(projectId);
      return notFound;
    }
    if (!caller.mayAccess(projectId)) {
      return SimulatorResponse.error(403, "USER_CANNOT_ACCESS_GROUP", "Forbidden",
          "The caller may not act on group " + projectId + ".");
    }
    Map<String, String> rateLimitHeaders = new LinkedHashMap<>();
    if (operation.isV2()) {
      TokenBucket bucket = buckets.computeIfAbsent(ENDPOINT_SET + ":" + projectId,
          key -> new TokenBucket(settings.rateLimit(), settings.clock()));
      TokenBucket.Take take = bucket.take();
      if (!take.granted()) {
        return rateLimited(bucket.limit(), take.retryAfterSeconds());
      }
      if (settings.rateLimitHeaders()) {
        rateLimitHeaders.put("RateLimit-Limit", String.valueOf(bucket.limit().capacity()));
        rateLimitHeaders.put("RateLimit-Remaining", String.valueOf(take.remaining()));
      }
    }
    JsonNode body;
    try {
      body = parseBody(request);
    } catch (IOException malformed) {
      return new FieldViolations().add("body", "must be a JSON object").toResponse();
    }
    if (body == null) {
      return new FieldViolations().add("body", "must be a JSON object").toResponse();
    }
    FieldViolations bodyViolations = new FieldViolations();
    RequestRules.checkBody(operation, body, path, bodyViolations);
    if (!bodyViolations.isEmpty()) {
      return bodyViolations.toResponse();
    }
    SimulatorResponse response = operations.perform(operation, projectId, path, body);
    rateLimitHeaders.forEach(response::withHeader);
    return response;
  }

  private JsonNode parseBody(SimulatorRequest request) throws IOException {
    if (request.bodyTooLarge() || request.body().length == 0) {
      return null;
    }
    JsonNode body = mapper.readTree(request.body());
    return body != null && body.isObject() ? body : null;
  }

  private Optional<SimulatorResponse> applyBeforeProcessing(Fault fault, SimulatorRequest request) {
    switch (fault.kind()) {
      case LATENCY -> sleep(fault.latency().toMillis());
      case INTERNAL_SERVER_ERROR -> {
        return Optional.of(SimulatorResponse.error(500, "UNEXPECTED_ERROR", "Internal Server Error",
            "Unexpected error."));
      }
      case BAD_GATEWAY -> {
        return Optional.of(SimulatorResponse.error(502, "BAD_GATEWAY", "Bad Gateway", "Bad gateway."));
      }
      case SERVICE_UNAVAILABLE -> {
        SimulatorResponse unavailable = SimulatorResponse.error(503, "SERVICE_UNAVAILABLE", "Service Unavailable",
            "Service unavailable.");
        if (fault.retryAfterSeconds() >= 0) {
          unavailable.withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        return Optional.of(unavailable);
      }
      case TOO_MANY_REQUESTS -> {
        counters.rateLimit();
        SimulatorResponse throttled = SimulatorResponse.error(429, "RATE_LIMITED", "Too Many Requests",
            "Too many requests.");
        if (fault.retryAfterSeconds() >= 0 && settings.rateLimitHeaders()) {
          throttled.withHeader("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        return Optional.of(throttled);
      }
      default -> { } // RESET_BEFORE_PROCESSING and CREATED_THEN_DROPPED are handled by the caller
    }
    return Optional.empty();
  }

  private SimulatorResponse rateLimited(RateLimit limit, long retryAfterSeconds) {
    counters.rateLimit();
    SimulatorResponse response = SimulatorResponse.error(429, "RATE_LIMITED_TOKEN_BUCKET", "Too Many Requests",
        "Rate limit exceeded for " + ENDPOINT_SET + ". Please retry after " + retryAfterSeconds
            + " seconds. Request capacity: " + limit.capacity() + ". Refill rate: " + limit.refillRate() + " per "
            + limit.refillDurationSeconds() + " seconds.");
    response.errorBody().putArray("parameters").add(ENDPOINT_SET).add(retryAfterSeconds).add(limit.capacity())
        .add(limit.refillRate()).add(limit.refillDurationSeconds());
    if (settings.rateLimitHeaders()) {
      response.withHeader("Retry-After", String.valueOf(retryAfterSeconds));
    }
    return response;
  }

  /** Authenticates by digest or bearer token; on failure sends the 401 itself and returns empty. */
  private Optional<Caller> authenticate(SimulatorRequest request) throws IOException {
    String authorization = request.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<Caller> caller = tokens.authenticate(authorization.substring(7).trim());
      if (caller.isEmpty()) {
        SimulatorResponse unauthorized = SimulatorResponse.error(401, "INVALID_TOKEN", "Unauthorized",
            "The access token is invalid or expired.");
        unauthorized.withHeader("WWW-Authenticate", "Bearer realm=\"" + settings.realm() + "\", error=\"invalid_token\"");
        io.send(request.exchange(), unauthorized, false, false);
      }
      return caller;
    }
    boolean stale = false;
    if (authorization != null) {
      DigestAuthenticator.Outcome outcome = digest.verify(authorization, request.method(), request.requestTarget());
      if (outcome instanceof DigestAuthenticator.Accepted accepted) {
        return Optional.of(accepted.caller());
      }
      stale = ((DigestAuthenticator.Rejected) outcome).stale();
    }
    counters.challenge();
    SimulatorResponse challenge = SimulatorResponse.error(401, "UNAUTHORIZED", "Unauthorized",
        "You are not authorized for this resource.");
    digest.challenge(stale).forEach(value -> challenge.withHeader("WWW-Authenticate", value));
    io.send(request.exchange(), challenge, false, false);
    return Optional.empty();
  }

  private void send(SimulatorRequest request, Operation operation, SimulatorResponse response, boolean envelope,
      boolean pretty) throws IOException {
    if (operation.deprecated()) {
      response.withHeader("Deprecation", "true").withHeader("Sunset", Operation.SUNSET);
    }
    io.send(request.exchange(), response, envelope, pretty);
  }

  private record Match(Operation operation, Map<String, String> path) {}

  private static Optional<Match> match(String path) {
    for (Operation operation : Operation.values()) {
      Matcher matcher = operation.pathPattern().matcher(path);
      if (matcher.matches()) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : PATH_PARAMETERS) {
          if (operation.pathTemplate().contains("{" + name + "}")) {
            parameters.put(name, java.net.URLDecoder.decode(matcher.group(name), java.nio.charset.StandardCharsets.UTF_8));
          }
        }
        return Optional.of(new Match(operation, parameters));
      }
    }
    return Optional.empty();
  }

  private static final List<String> PATH_PARAMETERS =
      List.of("groupId", "cloudProvider", "endpointServiceId", "instanceName");

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
