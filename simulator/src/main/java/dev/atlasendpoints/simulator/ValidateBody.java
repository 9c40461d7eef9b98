package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * Parses the body, which must be a JSON object, and checks it against the operation's rules: 400
 * {@code VALIDATION_ERROR} naming each bad field. Comes after the rate limit, as live: an invalid
 * request still costs a token. Reads take no body: whatever a {@code GET} carries is ignored.
 */
record ValidateBody(ObjectMapper mapper) implements Step {

  @Override
  public StepResult apply(RequestContext context) {
    if (context.operation().isRead()) {
      return context.next();
    }
    Optional<JsonNode> body = parseObject(context.request());
    if (body.isEmpty()) {
      return context.respond(new FieldViolations().add("body", "must be a JSON object").toResponse());
    }
    FieldViolations violations = new FieldViolations();
    RequestRules.checkBody(context.operation(), body.get(), context.pathParameters(), violations);
    return violations.isEmpty() ? context.withBody(body.get()).next() : context.respond(violations.toResponse());
  }

  /** The body as a JSON object; empty when it is missing, too large, malformed or not an object. */
  private Optional<JsonNode> parseObject(SimulatorRequest request) {
    if (request.bodyTooLarge() || request.body().length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(mapper.readTree(request.body())).filter(JsonNode::isObject);
    } catch (IOException malformed) {
      return Optional.empty();
    }
  }
}
