package dev.atlasendpoints.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Requests being served, so that each is recorded exactly once, with its status, just before the
 * client can see the answer: what a test reads back is then complete when its call returns. (The
 * JDK server's exchange attributes are shared by its context, so they cannot hold this.)
 */
final class PendingRequests {

  private record Pending(SimulatorRequest request, Instant receivedAt) {}

  private final Map<HttpExchange, Pending> pending = new ConcurrentHashMap<>();
  private final Consumer<RecordedRequest> recorder;
  private final Clock clock;

  PendingRequests(Consumer<RecordedRequest> recorder, Clock clock) {
    this.recorder = recorder;
    this.clock = clock;
  }

  /** Reads a request and remembers it until it is answered or dropped. */
  SimulatorRequest receive(HttpExchange exchange, int maxBodyBytes) throws java.io.IOException {
    Instant receivedAt = clock.instant();
    SimulatorRequest request = SimulatorRequest.read(exchange, maxBodyBytes);
    pending.put(exchange, new Pending(request, receivedAt));
    return request;
  }

  /** Records the exchange's request with the status it is about to get; only the first call counts. */
  void recordAnswer(HttpExchange exchange, int status) {
    Pending done = pending.remove(exchange);
    if (done != null) {
      recorder.accept(done.request().record(done.receivedAt(), status));
    }
  }
}
