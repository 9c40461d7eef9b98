package dev.atlasendpoints.core.internal;

import dev.atlasendpoints.core.errors.AtlasMalformedResponseException;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Helpers for Feign requests and responses: header lookups that ignore case, bounded bodies. */
public final class Responses {

  private Responses() {}

  /** The first value of a header, its name matched case-insensitively (HTTP/2 lower-cases names). */
  public static Optional<String> header(Map<String, Collection<String>> headers, String name) {
    // A loop, not a stream: this runs several times per call on the hot path.
    for (Map.Entry<String, Collection<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
        return Optional.ofNullable(entry.getValue().iterator().next());
      }
    }
    return Optional.empty();
  }

  /** Every value of a header, its name matched case-insensitively. */
  public static List<String> headers(Map<String, Collection<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .toList();
  }

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

  /**
   * Reads the whole body, refusing more than {@code maxBytes}.
   *
   * @return the bytes; empty when there is no body
   */
  public static byte[] readBody(Response response, long maxBytes, String operationId) {
    if (response.body() == null) {
      return new byte[0];
    }
    Integer declared = response.body().length();
    if (declared != null && declared > maxBytes) {
      throw new AtlasMalformedResponseException(operationId, response.status(),
          "the answer is larger than the configured bound of " + maxBytes + " bytes", null);
    }
    try (InputStream in = response.body().asInputStream()) {
      // With a declared length, read exactly that (one right-sized array); else up to the bound.
      byte[] bytes = declared != null && declared >= 0
          ? in.readNBytes(declared)
          : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new AtlasMalformedResponseException(operationId, response.status(),
            "the answer is larger than the configured bound of " + maxBytes + " bytes", null);
      }
      return bytes;
    } catch (IOException e) {
      throw new AtlasMalformedResponseException(operationId, response.status(), "the answer could not be read", e);
    }
  }

  /** Closes a response that will not be used, so that its connection can be reused. */
  public static void discard(Response response) {
    try {
      response.close();
    } catch (RuntimeException ignored) {
      // nothing more to release
    }
  }
}
