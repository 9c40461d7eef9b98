package dev.atlasendpoints.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * How long created resources take to become usable, on the simulator's clock. Live, creation is
 * asynchronous and takes minutes (GCP endpoint groups over half an hour); the defaults are short, so
 * that a client must wait but tests do not. {@link Duration#ZERO} makes a stage pass at once. A
 * resource's status is worked out when it is read, from its creation instant and the clock: hand the
 * simulator a {@link ManualClock} to step through the stages without sleeping.
 *
 * <p>The creates always answer with a resource's first status; only reads show it move on.
 *
 * @param serviceInitiating how long an endpoint service stays {@code INITIATING} (default 1 s)
 * @param serviceReadyStatus what an endpoint service becomes then (default {@code AVAILABLE}); a
 *     legacy connection, whose statuses know no {@code AVAILABLE}, always becomes {@code WAITING_FOR_USER}
 * @param endpointPending how long a private endpoint stays {@code PENDING_ACCEPTANCE} (AWS) or
 *     {@code INITIATING} (Azure, GCP) before it is {@code AVAILABLE} (default 1 s)
 * @param serverlessReservationRequested how long a serverless endpoint stays {@code RESERVATION_REQUESTED}
 *     (default 500 ms)
 * @param serverlessReserved how long it then stays {@code RESERVED} before it is {@code AVAILABLE}
 *     (default 500 ms)
 * @param notFoundWindow how long a just-created resource reads as 404 and is left out of lists, as
 *     eventual consistency shows live (default zero: visible at once)
 */
public record Lifecycle(Duration serviceInitiating, ServiceReadyStatus serviceReadyStatus, Duration endpointPending,
    Duration serverlessReservationRequested, Duration serverlessReserved, Duration notFoundWindow) {

  /** The two statuses in which an endpoint service is ready. */
  public enum ServiceReadyStatus {
    /** Ready for use. */
    AVAILABLE,
    /** Ready, waiting for the user to create an endpoint: AWS services show it live. */
    WAITING_FOR_USER
  }

  public Lifecycle {
    requireNotNegative(serviceInitiating, "serviceInitiating");
    Objects.requireNonNull(serviceReadyStatus, "serviceReadyStatus");
    requireNotNegative(endpointPending, "endpointPending");
    requireNotNegative(serverlessReservationRequested, "serverlessReservationRequested");
    requireNotNegative(serverlessReserved, "serverlessReserved");
    requireNotNegative(notFoundWindow, "notFoundWindow");
  }

  /** The defaults: each stage short but not instant, no 404 window. */
  public static Lifecycle defaults() {
    return builder().build();
  }

  /** Every resource is usable (and readable) as soon as it is created. */
  public static Lifecycle immediate() {
    return builder().serviceInitiating(Duration.ZERO).endpointPending(Duration.ZERO)
        .serverlessReservationRequested(Duration.ZERO).serverlessReserved(Duration.ZERO).build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder()
        .serviceInitiating(serviceInitiating)
        .serviceReadyStatus(serviceReadyStatus)
        .endpointPending(endpointPending)
        .serverlessReservationRequested(serverlessReservationRequested)
        .serverlessReserved(serverlessReserved)
        .notFoundWindow(notFoundWindow);
  }

  private static void requireNotNegative(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + duration);
    }
  }

  /** Builds a {@link Lifecycle}; each setting is documented on the record. */
  public static final class Builder {
    private Duration serviceInitiating = Duration.ofSeconds(1);
    private ServiceReadyStatus serviceReadyStatus = ServiceReadyStatus.AVAILABLE;
    private Duration endpointPending = Duration.ofSeconds(1);
    private Duration serverlessReservationRequested = Duration.ofMillis(500);
    private Duration serverlessReserved = Duration.ofMillis(500);
    private Duration notFoundWindow = Duration.ZERO;

    private Builder() {}

    public Builder serviceInitiating(Duration duration) {
      this.serviceInitiating = duration;
      return this;
    }

    public Builder serviceReadyStatus(ServiceReadyStatus status) {
      this.serviceReadyStatus = status;
      return this;
    }

    public Builder endpointPending(Duration duration) {
      this.endpointPending = duration;
      return this;
    }

    public Builder serverlessReservationRequested(Duration duration) {
      this.serverlessReservationRequested = duration;
      return this;
    }

    public Builder serverlessReserved(Duration duration) {
      this.serverlessReserved = duration;
      return this;
    }

    public Builder notFoundWindow(Duration window) {
      this.notFoundWindow = window;
      return this;
    }

    public Lifecycle build() {
      return new Lifecycle(serviceInitiating, serviceReadyStatus, endpointPending, serverlessReservationRequested,
          serverlessReserved, notFoundWindow);
    }
  }
}
