package dev.atlasendpoints.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What the simulator has seen and answered, for tests and benchmarks to read. Thread-safe. */
public final class SimulatorCounters {

  private final LongAdder requests = new LongAdder();
  private final LongAdder challenges = new LongAdder();
  private final LongAdder rateLimited = new LongAdder();
  private final LongAdder faultsInjected = new LongAdder();
  private final LongAdder tokensIssued = new LongAdder();
  private final Map<Operation, LongAdder> requestsByOperation = new EnumMap<>(Operation.class);
  private final Map<Operation, LongAdder> createsByOperation = new EnumMap<>(Operation.class);

  SimulatorCounters() {
    for (Operation operation : Operation.values()) {
      requestsByOperation.put(operation, new LongAdder());
      createsByOperation.put(operation, new LongAdder());
    }
  }

  /** Every HTTP request received, whatever its outcome (token requests included). */
  public long requests() {
    return requests.sum();
  }

  /** Requests addressed to {@code operation}, whatever their outcome. */
  public long requests(Operation operation) {
    return requestsByOperation.get(operation).sum();
  }

  /** 401 answers that carried a {@code WWW-Authenticate: Digest} challenge. */
  public long challenges() {
    return challenges.sum();
  }

  /** Resources created by {@code operation}, including those whose answer was then dropped. */
  public long creates(Operation operation) {
    return createsByOperation.get(operation).sum();
  }

  /** All resources created. */
  public long creates() {
    return createsByOperation.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** 429 answers sent, by an empty bucket or by an injected fault. */
  public long rateLimited() {
    return rateLimited.sum();
  }

  /** Faults injected. */
  public long faultsInjected() {
    return faultsInjected.sum();
  }

  /** Access tokens issued to service accounts. */
  public long tokensIssued() {
    return tokensIssued.sum();
  }

  void request() {
    requests.increment();
  }

  void request(Operation operation) {
    requestsByOperation.get(operation).increment();
  }

  void challenge() {
    challenges.increment();
  }

  void create(Operation operation) {
    createsByOperation.get(operation).increment();
  }

  void rateLimit() {
    rateLimited.increment();
  }

  void fault() {
    faultsInjected.increment();
  }

  void tokenIssued() {
    tokensIssued.increment();
  }

  @Override
  public String toString() {
    return "SimulatorCounters[requests=" + requests() + ", challenges=" + challenges() + ", creates=" + creates()
        + ", rateLimited=" + rateLimited() + ", faultsInjected=" + faultsInjected() + "]";
  }
}
