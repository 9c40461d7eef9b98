package dev.atlasendpoints.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Finds the operation a request addresses, as the live service's router does: by path and method,
 * since a path may carry a list and a create. 404 for a path it does not serve; 405, with
 * {@code Allow}, for a method none of that path's operations has (counted for, and presented as,
 * the first of them in the table). From here on answers are presented as the operation's are.
 *
 * <p>Paths are matched raw, still percent-encoded, so that an encoded slash stays inside its
 * segment (an Azure resource id sent as {@code %2Fsubscriptions%2F...} is one path parameter);
 * each parameter is decoded once matched.
 */
record Route(SimulatorCounters counters) implements Step {

  /** An operation whose path template matches the request's path. */
  private record PathMatch(Operation operation, Matcher matcher) {}

  @Override
  public StepResult apply(RequestContext context) {
    SimulatorRequest request = context.request();
    List<PathMatch> matches = new ArrayList<>();
    for (Operation operation : Operation.values()) {
      Matcher matcher = operation.pathPattern().matcher(request.path());
      if (matcher.matches()) {
        matches.add(new PathMatch(operation, matcher));
      }
    }
    if (matches.isEmpty()) {
      return new StepResult.Respond(SimulatorResponse.error(404, "RESOURCE_NOT_FOUND", "Not Found",
          "Cannot find resource " + request.path() + "."), Presentation.PLAIN);
    }
    PathMatch chosen = matches.stream().filter(m -> m.operation().method().equals(request.method())).findFirst()
        .orElse(matches.get(0));
    Operation operation = chosen.operation();
    counters.request(operation);
    RequestContext routed = context.routed(operation, pathParameters(operation, chosen.matcher()),
        Presentation.of(operation, request));
    if (!operation.method().equals(request.method())) {
      String allowed = String.join(", ", matches.stream().map(m -> m.operation().method()).distinct().toList());
      return routed.respond(SimulatorResponse.error(405, "METHOD_NOT_ALLOWED", "Method Not Allowed",
          request.method() + " is not allowed here.").withHeader("Allow", allowed));
    }
    return routed.next();
  }

  private static Map<String, String> pathParameters(Operation operation, Matcher matcher) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String name : operation.pathParameterNames()) {
      parameters.put(name, decodeSegment(matcher.group(name)));
    }
    return Collections.unmodifiableMap(parameters);
  }

  /**
   * Percent-decodes one path segment. Unlike a query, a path keeps {@code +} as it is. A malformed
   * escape is kept raw: the parameter then breaks its rule or names nothing, as it would live.
   */
  static String decodeSegment(String raw) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return raw;
    }
  }
}
