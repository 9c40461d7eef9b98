package dev.atlasendpoints.core.internal;

import feign.Request;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Copies of Feign requests with a header changed, keeping the template the operation is resolved from. */
public final class Requests {

  private Requests() {}

  /** A copy of {@code request} with one header set (replacing any of the same name). */
  public static Request withHeader(Request request, String name, String value) {
    Map<String, Collection<String>> headers = new HashMap<>();
    request.headers().forEach((key, values) -> {
      if (!key.equalsIgnoreCase(name)) {
        headers.put(key, values);
      }
    });
    headers.put(name, List.of(value));
    return Request.create(request.httpMethod(), request.url(), headers, request.body(), request.charset(),
        request.requestTemplate());
  }
}
