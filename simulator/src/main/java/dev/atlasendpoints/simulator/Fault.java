package dev.atlasendpoints.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Something that goes wrong with one request, as it does in production.
 *
 * @param kind what happens
 * @param latency for {@link Kind#LATENCY}, how long the answer is held back
 * @param retryAfterSeconds for 429 and 503, the {@code Retry-After} to send; negative sends none
 */
public record Fault(Kind kind, Duration latency, int retryAfterSeconds) {

  /** The kinds of fault. */
  public enum Kind {
    /** The request is served normally, after a delay. */
    LATENCY,
    /** 500 {@code UNEXPECTED_ERROR}; nothing is created. */
    INTERNAL_SERVER_ERROR,
    /** 502 from the load balancer; nothing is created. */
    BAD_GATEWAY,
    /** 503, with or without {@code Retry-After}; nothing is created. */
    SERVICE_UNAVAILABLE,
    /** 429 {@code RATE_LIMITED} whatever the buckets hold; nothing is created. */
    TOO_MANY_REQUESTS,
    /** The connection closes before the request is processed: no answer, nothing created. */
    RESET_BEFORE_PROCESSING,
    /** The resource is created, then the connection closes before the answer: the ambiguous case. */
    CREATED_THEN_DROPPED
  }

  public Fault {
    Objects.requireNonNull(kind, "kind");
    latency = latency == null ? Duration.ZERO : latency;
  }

  public static Fault latency(Duration delay) {
    return new Fault(Kind.LATENCY, delay, -1);
  }

  public static Fault internalServerError() {
    return new Fault(Kind.INTERNAL_SERVER_ERROR, null, -1);
  }

  public static Fault badGateway() {
    return new Fault(Kind.BAD_GATEWAY, null, -1);
  }

  public static Fault serviceUnavailable() {
    return new Fault(Kind.SERVICE_UNAVAILABLE, null, -1);
  }

  public static Fault serviceUnavailable(int retryAfterSeconds) {
    return new Fault(Kind.SERVICE_UNAVAILABLE, null, retryAfterSeconds);
  }

  public static Fault tooManyRequests(int retryAfterSeconds) {
    return new Fault(Kind.TOO_MANY_REQUESTS, null, retryAfterSeconds);
  }

  public static Fault resetBeforeProcessing() {
    return new Fault(Kind.RESET_BEFORE_PROCESSING, null, -1);
  }

  public static Fault createdThenDropped() {
    return new Fault(Kind.CREATED_THEN_DROPPED, null, -1);
  }
}
