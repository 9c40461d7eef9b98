package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The fields a request breaks rules with, answered as 400 {@code VALIDATION_ERROR}. */
final class FieldViolations {

  private record Violation(String field, String description) {}

  private final List<Violation> violations = new ArrayList<>();

  FieldViolations add(String field, String description) {
    violations.add(new Violation(field, description));
    return this;
  }

  boolean isEmpty() {
    return violations.isEmpty();
  }

  SimulatorResponse toResponse() {
    String detail = "Invalid request: " + violations.stream()
        .map(v -> v.field() + " " + v.description()).reduce((a, b) -> a + "; " + b).orElse("");
    ObjectNode body = SimulatorResponse.errorBody(400, "VALIDATION_ERROR", "Bad Request", detail,
        violations.stream().map(Violation::field).toArray());
    ArrayNode fields = body.putObject("badRequestDetail").putArray("fields");
    for (Violation violation : violations) {
      fields.addObject().put("field", violation.field()).put("description", violation.description());
    }
    return SimulatorResponse.json(400, SimulatorResponse.ERROR_CONTENT_TYPE, body);
  }
}
