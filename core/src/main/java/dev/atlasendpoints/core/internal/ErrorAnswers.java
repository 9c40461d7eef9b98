package dev.atlasendpoints.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atlasendpoints.core.Responses;
import dev.atlasendpoints.core.errors.ApiErrorDetails;
import dev.atlasendpoints.core.errors.AtlasApiException;
import feign.Response;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an error answer into the SDK's exception. The body is read leniently: an error whose body
 * is missing, oversized or not an {@code ApiError} still yields the right type from its status.
 */
public final class ErrorAnswers {

  private final ObjectMapper mapper;
  private final long maxBytes;
  private final Clock clock;

  public ErrorAnswers(ObjectMapper mapper, long maxBytes, Clock clock) {
    this.mapper = mapper;
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  public AtlasApiException toException(String operationId, Response response) {
    JsonNode body = readLeniently(response, operationId);
    List<Object> parameters = new ArrayList<>();
    body.path("parameters").forEach(p -> parameters.add(p.isNumber() ? p.numberValue() : p.asText()));
    List<ApiErrorDetails.FieldError> fields = new ArrayList<>();
    body.path("badRequestDetail").path("fields").forEach(f ->
        fields.add(new ApiErrorDetails.FieldError(text(f, "field"), text(f, "description"))));
    return AtlasApiException.of(new ApiErrorDetails(operationId, response.status(), text(body, "errorCode"),
        text(body, "detail"), text(body, "reason"), parameters, fields,
        Responses.retryAfter(response, clock)));
  }

  private JsonNode readLeniently(Response response, String operationId) {
    try {
      byte[] bytes = Responses.readBody(response, maxBytes, operationId);
      JsonNode body = bytes.length == 0 ? null : mapper.readTree(bytes);
      return body != null && body.isObject() ? body : mapper.createObjectNode();
    } catch (IOException | RuntimeException unreadable) {
      return mapper.createObjectNode();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
