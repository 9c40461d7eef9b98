package dev.atlasendpoints.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The faults the simulator injects: scripted ones (the next N requests to an operation) and random
 * ones (each request to an operation, or to any, with a probability). Random decisions come from one
 * seeded generator, so a run with the same seed and the same order of requests injects the same
 * faults. Thread-safe.
 */
public final class FaultPlan {

  private record RandomRule(Operation operation, double probability, Fault fault) {
    boolean appliesTo(Operation candidate) {
      return operation == null || operation == candidate;
    }
  }

  private final Map<Operation, Deque<Fault>> scripted = new EnumMap<>(Operation.class);
  private final List<RandomRule> randomRules = new ArrayList<>();
  private final Random random;

  FaultPlan(long seed) {
    this.random = new Random(seed);
  }

  /** The next request to {@code operation} gets {@code fault}. Scripted faults queue up in order. */
  public FaultPlan next(Operation operation, Fault fault) {
    return nextTimes(operation, 1, fault);
  }

  /** The next {@code times} requests to {@code operation} get {@code fault}. */
  public synchronized FaultPlan nextTimes(Operation operation, int times, Fault fault) {
    Deque<Fault> queue = scripted.computeIfAbsent(operation, o -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.addLast(fault);
    }
    return this;
  }

  /** Each request to {@code operation} gets {@code fault} with {@code probability}. */
  public synchronized FaultPlan withProbability(Operation operation, double probability, Fault fault) {
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException("probability must be within [0, 1]: " + probability);
    }
    randomRules.add(new RandomRule(operation, probability, fault));
    return this;
  }

  /** Each request to any operation gets {@code fault} with {@code probability}. */
  public FaultPlan withProbability(double probability, Fault fault) {
    return withProbability(null, probability, fault);
  }

  /** Removes every scripted and random fault. */
  public synchronized void clear() {
    scripted.clear();
    randomRules.clear();
  }

  /** Decides the fault of one request: a scripted one first, else at most one random rule. */
  synchronized Optional<Fault> decide(Operation operation) {
    Deque<Fault> queue = scripted.get(operation);
    if (queue != null && !queue.isEmpty()) {
      return Optional.of(queue.removeFirst());
    }
    for (RandomRule rule : randomRules) {
      if (rule.appliesTo(operation) && random.nextDouble() < rule.probability()) {
        return Optional.of(rule.fault());
      }
    }
    return Optional.empty();
  }
}
