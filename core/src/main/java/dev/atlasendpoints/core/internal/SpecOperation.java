package dev.atlasendpoints.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One operation of the spec, with what the client needs of it.
 *
 * @param operationId its operationId
 * @param httpMethod upper-case HTTP method
 * @param pathTemplate the path with parameters unexpanded
 * @param requestMediaType the media type of its request body
 * @param successMediaType the media type of its first 2xx answer
 * @param deprecated whether it is deprecated
 * @param parameters path and query parameters by name, {@code $ref}s resolved
 * @param requestBodyRequired whether a body is required
 * @param requestBodySchema the body's schema (may be a {@code $ref})
 */
public record SpecOperation(String operationId, String httpMethod, String pathTemplate, String requestMediaType,
    String successMediaType, boolean deprecated, Map<String, JsonNode> parameters, boolean requestBodyRequired,
    JsonNode requestBodySchema) {

  static SpecOperation read(SpecIndex spec, String path, String method, JsonNode operation) {
    Map<String, JsonNode> parameters = new LinkedHashMap<>();
    operation.path("parameters").forEach(p -> {
      JsonNode parameter = spec.resolve(p);
      parameters.put(parameter.get("name").asText(), parameter);
    });
    JsonNode requestBody = spec.resolve(operation.path("requestBody"));
    String requestMediaType = null;
    JsonNode bodySchema = null;
    if (requestBody.has("content")) {
      Map.Entry<String, JsonNode> content = requestBody.get("content").fields().next();
      requestMediaType = content.getKey();
      bodySchema = content.getValue().get("schema");
    }
    String successMediaType = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> response = it.next();
      JsonNode content = spec.resolve(response.getValue()).path("content");
      if (response.getKey().startsWith("2") && content.fieldNames().hasNext()) {
        successMediaType = content.fieldNames().next();
        break;
      }
    }
    return new SpecOperation(operation.get("operationId").asText(), method.toUpperCase(Locale.ROOT), path,
        requestMediaType, successMediaType, operation.path("deprecated").asBoolean(false), Map.copyOf(parameters),
        requestBody.path("required").asBoolean(false), bodySchema);
  }
}
