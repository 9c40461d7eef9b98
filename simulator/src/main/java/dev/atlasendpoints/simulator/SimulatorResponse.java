package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An answer the simulator is about to send. */
record SimulatorResponse(int status, String contentType, JsonNode body, List<Map.Entry<String, String>> headers) {

  /** Error bodies are plain JSON on every version; the live service adds a charset. */
  static final String ERROR_CONTENT_TYPE = "application/json;charset=utf-8";

  SimulatorResponse {
    headers = new ArrayList<>(headers);
  }

  static SimulatorResponse json(int status, String contentType, JsonNode body) {
    return new SimulatorResponse(status, contentType, body, List.of());
  }

  /** An {@code ApiError} answer. */
  static SimulatorResponse error(int status, String errorCode, String reason, String detail) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("detail", detail);
    body.put("error", status);
    body.put("errorCode", errorCode);
    body.putArray("parameters");
    body.put("reason", reason);
    return json(status, ERROR_CONTENT_TYPE, body);
  }

  SimulatorResponse withHeader(String name, String value) {
    headers.add(Map.entry(name, value));
    return this;
  }

  ObjectNode errorBody() {
    return (ObjectNode) body;
  }
}
