package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The only code that writes to an exchange: it sends a request's answer, or closes the connection
 * without one. Either way the request is recorded just before the client can see the outcome, so
 * that what a test reads back is complete when its call returns.
 */
final class ExchangeWriter {

  /** The status recorded for a request that got no answer. */
  static final int NO_ANSWER = -1;

  private final ObjectMapper mapper;
  private final PendingRequests pending;

  ExchangeWriter(ObjectMapper mapper, PendingRequests pending) {
    this.mapper = mapper;
    this.pending = pending;
  }

  /** Ends the exchange as {@code outcome} says, and closes it in any case. */
  void write(HttpExchange exchange, StepResult.Outcome outcome) throws IOException {
    try {
      if (outcome instanceof StepResult.Respond respond) {
        send(exchange, respond.response(), respond.presentation());
      }
    } finally {
      // Dropped, or the answer failed half-way: recorded as unanswered unless the answer was recorded.
      pending.recordAnswer(exchange, NO_ANSWER);
      exchange.close();
    }
  }

  /**
   * With {@code envelope} the body becomes {@code {"status", "content"}} and the status 200, as Atlas
   * does; with {@code pretty} the JSON is indented.
   */
  private void send(HttpExchange exchange, SimulatorResponse response, Presentation presentation)
      throws IOException {
    JsonNode body = response.body();
    int status = response.status();
    if (presentation.envelope()) {
      ObjectNode wrapped = mapper.createObjectNode();
      wrapped.put("status", status);
      wrapped.set("content", body);
      body = wrapped;
      status = 200;
    }
    byte[] bytes = presentation.pretty()
        ? mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(body)
        : mapper.writeValueAsBytes(body);
    pending.recordAnswer(exchange, status);
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    addAll(exchange, response.headers());
    addAll(exchange, presentation.headers());
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void addAll(HttpExchange exchange, List<Map.Entry<String, String>> headers) {
    for (Map.Entry<String, String> header : headers) {
      exchange.getResponseHeaders().add(header.getKey(), header.getValue());
    }
  }
}
