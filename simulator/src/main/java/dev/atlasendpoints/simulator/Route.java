package dev.atlasendpoints.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Finds the operation a request addresses, as the live service's router does: 404 for a path it
 * does not serve, 405 for another method on one it does. From here on answers are presented as the
 * operation's are.
 */
record Route(SimulatorCounters counters) implements Step {

  @Override
  public StepResult apply(RequestContext context) {
    SimulatorRequest request = context.request();
    for (Operation operation : Operation.values()) {
      Matcher matcher = operation.pathPattern().matcher(request.path());
      if (matcher.matches()) {
        counters.request(operation);
        RequestContext routed = context.routed(operation, pathParameters(operation, matcher),
            Presentation.of(operation, request));
        if (!request.method().equals(operation.method())) {
          return routed.respond(SimulatorResponse.error(405, "METHOD_NOT_ALLOWED", "Method Not Allowed",
              request.method() + " is not allowed here."));
        }
        return routed.next();
      }
    }
    return new StepResult.Respond(SimulatorResponse.error(404, "RESOURCE_NOT_FOUND", "Not Found",
        "Cannot find resource " + request.path() + "."), Presentation.PLAIN);
  }

  private static Map<String, String> pathParameters(Operation operation, Matcher matcher) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String name : operation.pathParameterNames()) {
      parameters.put(name, URLDecoder.decode(matcher.group(name), StandardCharsets.UTF_8));
    }
    return Collections.unmodifiableMap(parameters);
  }
}
