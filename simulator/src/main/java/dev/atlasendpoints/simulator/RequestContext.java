package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What the steps have learned about one request so far. Each step that goes on hands the next one a
 * copy with what it learned added; a field is {@code null} (or empty) until the step that learns it
 * has run, and only later steps read it.
 *
 * @param request the request as received
 * @param operation the operation it addresses ({@link Route})
 * @param pathParameters its path parameters, decoded, in the order of the path template ({@link Route})
 * @param presentation how its answers go on the wire ({@link Route})
 * @param caller who sent it ({@link Authenticate})
 * @param fault the fault that strikes after processing, if any ({@link InjectFault})
 * @param rateLimitHeaders the {@code RateLimit-*} headers its answer carries ({@link EnforceRateLimit})
 * @param body its body, a JSON object that passed validation ({@link ValidateBody}); not to be changed
 */
record RequestContext(SimulatorRequest request, Operation operation, Map<String, String> pathParameters,
    Presentation presentation, Caller caller, Fault fault, List<Map.Entry<String, String>> rateLimitHeaders,
    JsonNode body) {

  /** A request no step has looked at yet. */
  static RequestContext received(SimulatorRequest request) {
    return new RequestContext(request, null, Map.of(), Presentation.PLAIN, null, null, List.of(), null);
  }

  RequestContext routed(Operation operation, Map<String, String> pathParameters, Presentation presentation) {
    return new RequestContext(request, operation, pathParameters, presentation, caller, fault, rateLimitHeaders, body);
  }

  RequestContext authenticated(Caller caller) {
    return new RequestContext(request, operation, pathParameters, presentation, caller, fault, rateLimitHeaders, body);
  }

  RequestContext withFault(Fault fault) {
    return new RequestContext(request, operation, pathParameters, presentation, caller, fault, rateLimitHeaders, body);
  }

  RequestContext withRateLimitHeaders(List<Map.Entry<String, String>> rateLimitHeaders) {
    return new RequestContext(request, operation, pathParameters, presentation, caller, fault,
        List.copyOf(rateLimitHeaders), body);
  }

  RequestContext withBody(JsonNode body) {
    return new RequestContext(request, operation, pathParameters, presentation, caller, fault, rateLimitHeaders, body);
  }

  /** The project the request acts on. */
  String projectId() {
    return pathParameters.get("groupId");
  }

  boolean faultIs(Fault.Kind kind) {
    return fault != null && fault.kind() == kind;
  }

  /** Answers with {@code response}, presented as this request's answers are. */
  StepResult.Respond respond(SimulatorResponse response) {
    return new StepResult.Respond(response, presentation);
  }

  /** Goes on to the next step having learned nothing new. */
  StepResult.Continue next() {
    return new StepResult.Continue(this);
  }
}
