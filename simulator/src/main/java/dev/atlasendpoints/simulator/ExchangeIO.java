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
  private final java.util.function.ObjIntConsumer<HttpExchange> beforeAnswer;

  /**
   * @param beforeAnswer told the status of each answer (-1 for a dropped connection) just before the
   *     client can see it, so that what tests read back is complete when their call returns
   */
  ExchangeIO(ObjectMapper mapper, java.util.function.ObjIntConsumer<HttpExchange> beforeAnswer) {
    this.mapper = mapper;
    this.beforeAnswer = beforeAnswer;
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
    beforeAnswer.accept(exchange, status);
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
  void drop(HttpExchange exchange) {
    beforeAnswer.accept(exchange, -1);
    exchange.close();
  }
}
