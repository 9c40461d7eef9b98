package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An answer the simulator is about to send. Immutable: the body is copied in and out (JSON trees are
 * mutable, and a body often starts as a resource the inventory keeps), and a header makes a new answer.
 */
record SimulatorResponse(int status, String contentType, JsonNode body, List<Map.Entry<String, String>> headers) {

  /** Error bodies are plain JSON on every version; the live service adds a charset. */
  static final String ERROR_CONTENT_TYPE = "application/json;charset=utf-8";

  SimulatorResponse {
    Objects.requireNonNull(contentType, "contentType");
    body = body.deepCopy();
    headers = headers.stream().map(header -> Map.entry(header.getKey(), header.getValue())).toList();
  }

  static SimulatorResponse json(int status, String contentType, JsonNode body) {
    return new SimulatorResponse(status, contentType, body, List.of());
  }

  /** The success answer of {@code operation}: its status and media type. */
  static SimulatorResponse success(Operation operation, JsonNode body) {
    return json(operation.successStatus(), operation.mediaType(), body);
  }

  /** An {@code ApiError} answer. */
  static SimulatorResponse error(int status, String errorCode, String reason, String detail, Object... parameters) {
    return json(status, ERROR_CONTENT_TYPE, errorBody(status, errorCode, reason, detail, parameters));
  }

  /**
   * The body of an {@code ApiError}, for errors that carry more than {@link #error} puts in.
   *
   * @param parameters the values the detail names, strings or whole numbers, as Atlas sends them
   */
  static ObjectNode errorBody(int status, String errorCode, String reason, String detail, Object... parameters) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("detail", detail);
    body.put("error", status);
    body.put("errorCode", errorCode);
    ArrayNode values = body.putArray("parameters");
    for (Object parameter : parameters) {
      if (parameter instanceof Integer || parameter instanceof Long) {
        values.add(((Number) parameter).longValue());
      } else if (parameter instanceof String text) {
        values.add(text);
      } else {
        throw new IllegalArgumentException("an error parameter is a string or a whole number: " + parameter);
      }
    }
    body.put("reason", reason);
    return body;
  }

  @Override
  public JsonNode body() {
    return body.deepCopy();
  }

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** This answer with one more header. */
  SimulatorResponse withHeader(String name, String value) {
    return withHeaders(List.of(Map.entry(name, value)));
  }

  /** This answer with more headers, after its own. */
  SimulatorResponse withHeaders(List<Map.Entry<String, String>> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Map.Entry<String, String>> all = new ArrayList<>(headers);
    all.addAll(more);
    return new SimulatorResponse(status, contentType, body, all);
  }
}
