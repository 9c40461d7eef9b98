package dev.atlasendpoints.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** Serves a server context: reads each request, runs it through the pipeline, and writes the outcome. */
record PipelineHandler(Pipeline pipeline, PendingRequests pending, ExchangeWriter writer, SimulatorCounters counters,
    int maxBodyBytes) implements HttpHandler {

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    StepResult.Outcome outcome = new StepResult.Drop(); // what a request gets when serving it fails
    try {
      SimulatorRequest request = pending.receive(exchange, maxBodyBytes);
      counters.request();
      outcome = pipeline.run(request);
    } finally {
      writer.write(exchange, outcome);
    }
  }
}
