package dev.atlasendpoints.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atlasendpoints.core.Responses;
import dev.atlasendpoints.core.errors.AtlasMalformedResponseException;
import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The innermost piece of every pipeline, right above the transport. Everything above it sees:
 * typed SDK exceptions instead of {@code IOException}s (telling a request that never left from one
 * that may have been processed), the real status of {@code envelope=true} answers, and deprecation
 * notices logged once per operation.
 */
final class TransportBoundary implements Client {

  private final Client transport;
  private final ObjectMapper mapper;
  private final long maxBytes;
  private final DeprecationNotices notices;

  TransportBoundary(Client transport, ObjectMapper mapper, long maxBytes, DeprecationNotices notices) {
    this.transport = transport;
    this.mapper = mapper;
    this.maxBytes = maxBytes;
    this.notices = notices;
  }

  @Override
  public Response execute(Request request, Request.Options options) {
    String operationId = CallResolver.operation(request).operationId();
    Response response;
    try {
      response = transport.execute(request, options);
    } catch (IOException e) {
      throw TransportErrors.translate(operationId, e);
    }
    try {
      checkStatus(response.status(), operationId);
      notices.observe(operationId, response);
      // An envelope always comes as 200; anything else (a 401 challenge, a proxy's 502) is not wrapped.
      return asksForEnvelope(request) && response.status() == 200 ? unwrapEnvelope(response, operationId) : response;
    } catch (RuntimeException refused) {
      Responses.discard(response);
      throw refused;
    }
  }

  /** HTTP statuses are three digits from 100 to 599; anything else is no answer a caller can act on. */
  private static void checkStatus(int status, String operationId) {
    if (status < 100 || status > 599) {
      throw new AtlasMalformedResponseException(operationId, status, "the answer's status " + status
          + " is not an HTTP status (100-599); Atlas may have acted on the request", null);
    }
  }

  private static boolean asksForEnvelope(Request request) {
    return Urls.hasQueryParameter(request.url(), "envelope", "true");
  }

  /** {@code {"status": 201, "content": {...}}} with HTTP 200 becomes HTTP 201 with the content. */
  private Response unwrapEnvelope(Response response, String operationId) {
    byte[] body = Responses.readBody(response, maxBytes, operationId);
    JsonNode envelope;
    try {
      envelope = mapper.readTree(body);
    } catch (IOException e) {
      throw new AtlasMalformedResponseException(operationId, response.status(), "the envelope is not JSON", e);
    }
    if (envelope == null || !envelope.path("status").isInt() || !envelope.has("content")) {
      throw new AtlasMalformedResponseException(operationId, response.status(),
          "the answer is not an envelope ({\"status\", \"content\"})", null);
    }
    byte[] content;
    try {
      content = mapper.writeValueAsBytes(envelope.get("content"));
    } catch (IOException e) {
      throw new AtlasMalformedResponseException(operationId, response.status(), "the envelope is unreadable", e);
    }
    Map<String, java.util.Collection<String>> headers = new HashMap<>(response.headers());
    headers.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Length"));
    headers.put("Content-Length", List.of(String.valueOf(content.length)));
    int status = envelope.get("status").asInt();
    checkStatus(status, operationId);
    Responses.discard(response);
    return response.toBuilder().status(status).headers(headers).body(content).build();
  }
}
