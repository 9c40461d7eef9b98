package dev.atlasendpoints.observation;

import feign.Request;
import java.util.Collection;
import java.util.Map;

/**
 * A request and the header map a tracing handler may have added to (feign requests are
 * immutable): {@link #withInjectedHeaders()} is the request to send.
 */
final class PropagatedRequest {

  private final Request request;
  private final Map<String, Collection<String>> headers;

  /** {@code headers}: a mutable copy of the request's headers, or {@code null} when nothing is injected. */
  PropagatedRequest(Request request, Map<String, Collection<String>> headers) {
    this.request = request;
    this.headers = headers;
  }

  /** The request itself when no header was added, else a copy with the added headers. */
  Request withInjectedHeaders() {
    if (headers == null || headers.equals(request.headers())) {
      return request;
    }
    return Request.create(request.httpMethod(), request.url(), headers, request.body(), request.charset(),
        request.requestTemplate());
  }
}
