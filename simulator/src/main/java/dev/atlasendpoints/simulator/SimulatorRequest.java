package dev.atlasendpoints.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One received request: its target, headers and (size-bounded) body. */
record SimulatorRequest(String method, String path, String rawQuery, Map<String, String> query, byte[] body,
    boolean bodyTooLarge, HttpExchange exchange) {

  static SimulatorRequest read(HttpExchange exchange, int maxBodyBytes) throws IOException {
    byte[] body;
    boolean tooLarge;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(maxBodyBytes + 1);
      tooLarge = body.length > maxBodyBytes;
      if (tooLarge) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
    }
    String rawQuery = exchange.getRequestURI().getRawQuery();
    return new SimulatorRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), rawQuery,
        parseQuery(rawQuery), body, tooLarge, exchange);
  }

  /** The request-target as a digest client must quote it in {@code uri}. */
  String requestTarget() {
    return rawQuery == null ? path : path + "?" + rawQuery;
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  boolean flag(String name) {
    return "true".equalsIgnoreCase(query.get(name));
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  RecordedRequest record(java.time.Instant receivedAt, int status) {
    Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
        .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> redact(e.getKey(), e.getValue()),
            (a, b) -> a));
    return new RecordedRequest(method, path, rawQuery, headers, bodyTooLarge ? "" : bodyText(), receivedAt, status);
  }

  /** Keeps only the scheme of credentials: recorded requests never hold secrets. */
  private static List<String> redact(String name, List<String> values) {
    if (!name.equalsIgnoreCase("Authorization")) {
      return List.copyOf(values);
    }
    return values.stream().map(v -> v.contains(" ") ? v.substring(0, v.indexOf(' ')) : "(redacted)").toList();
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> query = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.putIfAbsent(name, value);
    }
    return query;
  }
}
