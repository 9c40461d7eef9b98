package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Writes simulator answers onto JDK HTTP server exchanges. */
final class ExchangeIO {

  private final ObjectMapper mapper;

  ExchangeIO(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Sends {@code response}; with {@code envelope} the body becomes {@code {"status", "content"}} and
   * the status 200, as Atlas does; with {@code pretty} the JSON is indented.
   */
  void send(HttpExchange exchange, SimulatorResponse response, boolean envelope, boolean pretty) throws IOException {
    JsonNode body = response.body();
    int status = response.status();
    if (envelope) {
      ObjectNode wrapped = mapper.createObjectNode();
      wrapped.put("status", status);
      wrapped.set("content", body);
      body = wrapped;
      status = 200;
    }
    byte[] bytes = pretty
        ? mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(body)
        : mapper.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    for (Map.Entry<String, String> header : response.headers()) {
      exchange.getResponseHeaders().add(header.getKey(), header.getValue());
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Closes the connection without any answer: what a reset or a dropped connection looks like. */
  static void drop(HttpExchange exchange) {
    exchange.close();
  }
}
