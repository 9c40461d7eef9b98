package dev.atlasendpoints.simulator;

import java.util.List;
import java.util.Map;

/**
 * One request as the simulator received it, for tests to assert what a client sent. The
 * {@code Authorization} header is kept only as its scheme ("Digest", "Bearer", "Basic").
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the raw query, or {@code null}
 * @param headers the request headers, names in lower case
 * @param body the request body as text
 * @param receivedAt when it arrived, by the simulator's clock
 * @param status the status answered, or -1 when the connection closed without an answer
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
    java.time.Instant receivedAt, int status) {

  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  /** The first value of a header (name matched case-insensitively), or {@code null}. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
