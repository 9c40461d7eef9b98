package dev.atlasendpoints.simulator;

import java.util.List;
import java.util.Map;

/**
 * How an answer goes on the wire. Once a request is routed to an operation, the live service wraps
 * every answer on {@code envelope=true}, indents it on {@code pretty=true} (where the operation offers
 * it) and marks every answer of a deprecated operation. Answers given before routing, and the 401s
 * of the authentication layer, which sits in front of the API, get none of that: they are
 * {@link #PLAIN}.
 *
 * @param headers added to the answer's own headers
 */
record Presentation(boolean envelope, boolean pretty, List<Map.Entry<String, String>> headers) {

  static final Presentation PLAIN = new Presentation(false, false, List.of());

  private static final List<Map.Entry<String, String>> DEPRECATION_HEADERS =
      List.of(Map.entry("Deprecation", "true"), Map.entry("Sunset", Operation.SUNSET));

  Presentation {
    headers = List.copyOf(headers);
  }

  /** How the answers to {@code request}, routed to {@code operation}, are presented. */
  static Presentation of(Operation operation, SimulatorRequest request) {
    return new Presentation(request.flag("envelope"), operation.offersPretty() && request.flag("pretty"),
        operation.deprecated() ? DEPRECATION_HEADERS : List.of());
  }
}
