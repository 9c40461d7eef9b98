package dev.atlasendpoints.benchmarks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The failed calls of one target (the floor, or the SDK), by type: how many of each, and the first
 * one's message, so that a driver can say which side failed and why rather than only how often.
 */
final class Failures {

  private final Map<String, AtomicLong> counts = new ConcurrentSkipListMap<>();
  private final Map<String, String> firstMessages = new ConcurrentHashMap<>();

  /** {@code call}, with each failure recorded here before it is thrown on. */
  BenchTargets.Call watching(BenchTargets.Call call) {
    return () -> {
      try {
        call.run();
      } catch (Exception e) {
        record(e);
        throw e;
      }
    };
  }

  void record(Throwable failure) {
    String type = failure.getClass().getName();
    counts.computeIfAbsent(type, t -> new AtomicLong()).incrementAndGet();
    firstMessages.putIfAbsent(type, describe(failure));
  }

  /** The message and the chain of causes, each as type: message. */
  private static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
    for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      text.append(" <- ").append(cause.getClass().getName()).append(": ").append(cause.getMessage());
    }
    return text.toString();
  }

  /** "none", or each type with its count and its first message. */
  String summary() {
    if (counts.isEmpty()) {
      return "none";
    }
    StringBuilder text = new StringBuilder();
    counts.forEach((type, count) -> text.append(text.length() == 0 ? "" : "; ").append(count.get()).append(" x ")
        .append(type).append(" (first: ").append(firstMessages.get(type)).append(')'));
    return text.toString();
  }
}
