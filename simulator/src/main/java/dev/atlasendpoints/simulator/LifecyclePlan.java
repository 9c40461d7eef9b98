package dev.atlasendpoints.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which created resources fail, and with what {@code errorMessage}: the next ones of a kind, or every
 * one with a given key. A failing resource moves through its usual stages and ends {@code FAILED}
 * ({@code REJECTED} for an AWS endpoint) where it would have become usable; its {@code errorMessage}
 * is {@code null} until then. The create itself succeeds, as live. Thread-safe; change it at any time.
 *
 * <pre>{@code
 * atlas.lifecycle().failNext(ResourceKind.ENDPOINT_SERVICE, "Capacity exhausted in US_EAST_1");
 * atlas.lifecycle().fail(ResourceKind.PRIVATE_ENDPOINT, "vpce-0123456789abcdef0", "Connection rejected");
 * }</pre>
 */
public final class LifecyclePlan {

  private record KeyedFailure(ResourceKind kind, String key, String errorMessage) {}

  private final Map<ResourceKind, Deque<String>> nextFailures = new EnumMap<>(ResourceKind.class);
  private final List<KeyedFailure> keyedFailures = new ArrayList<>();

  LifecyclePlan() {}

  /** The next resource of {@code kind} created fails with {@code errorMessage}. Scripted failures queue up in order. */
  public synchronized LifecyclePlan failNext(ResourceKind kind, String errorMessage) {
    requireFailure(kind, errorMessage);
    nextFailures.computeIfAbsent(kind, k -> new ArrayDeque<>()).addLast(errorMessage);
    return this;
  }

  /**
   * Every resource of {@code kind} created from now on with {@code key} fails with {@code errorMessage}:
   * see {@link ResourceKind} for what the key of each kind is. A keyed failure wins over a queued
   * {@link #failNext}, which then stays queued for the next resource.
   */
  public synchronized LifecyclePlan fail(ResourceKind kind, String key, String errorMessage) {
    requireFailure(kind, errorMessage);
    keyedFailures.add(new KeyedFailure(kind, normalised(kind, Objects.requireNonNull(key, "key")), errorMessage));
    return this;
  }

  /** Removes every scripted failure. */
  public synchronized void clear() {
    nextFailures.clear();
    keyedFailures.clear();
  }

  /** Decides whether a resource being created fails: its {@code errorMessage}, or empty when it does not. */
  synchronized Optional<String> failureOf(ResourceKind kind, String key) {
    String normalisedKey = normalised(kind, key);
    for (KeyedFailure failure : keyedFailures) {
      if (failure.kind() == kind && failure.key().equals(normalisedKey)) {
        return Optional.of(failure.errorMessage());
      }
    }
    Deque<String> queue = nextFailures.get(kind);
    return queue == null ? Optional.empty() : Optional.ofNullable(queue.pollFirst());
  }

  /** Regions are compared in Atlas's style, so that {@code us-east-1} and {@code US_EAST_1} are one. */
  private static String normalised(ResourceKind kind, String key) {
    return kind == ResourceKind.ENDPOINT_SERVICE ? RegionNames.atlasStyle(key) : key;
  }

  /** A failure names its kind and carries a non-empty {@code errorMessage}, as a failed resource does live. */
  static void requireFailure(ResourceKind kind, String errorMessage) {
    Objects.requireNonNull(kind, "kind");
    if (errorMessage == null || errorMessage.isEmpty()) {
      throw new IllegalArgumentException("a failing resource carries a non-empty errorMessage");
    }
  }
}
