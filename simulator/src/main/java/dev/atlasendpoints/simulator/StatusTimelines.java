package dev.atlasendpoints.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Gives each resource being created its {@link StatusTimeline}: the stages its kind goes through, with
 * the durations of the {@link Lifecycle} settings, starting now by the simulator's clock, and a
 * failure at the end if the {@link LifecyclePlan} scripts one. Call it only once the resource is sure
 * to be created: a scripted failure is used up by the call.
 */
record StatusTimelines(Lifecycle lifecycle, LifecyclePlan plan, Clock clock) {

  /** INITIATING, then ready ({@code WAITING_FOR_USER} for a legacy connection) or FAILED. */
  StatusTimeline endpointService(String regionName, boolean legacyConnection) {
    Optional<String> failure = plan.failureOf(ResourceKind.ENDPOINT_SERVICE, regionName);
    String ready = legacyConnection ? "WAITING_FOR_USER" : lifecycle.serviceReadyStatus().name();
    return timeline(failure,
        stage(Duration.ZERO, "INITIATING"),
        stage(lifecycle.serviceInitiating(), failure.isPresent() ? "FAILED" : ready));
  }

  /** AWS: PENDING_ACCEPTANCE, then AVAILABLE or REJECTED. Azure, GCP: INITIATING, then AVAILABLE or FAILED. */
  StatusTimeline endpoint(String cloudProvider, String endpointId) {
    Optional<String> failure = plan.failureOf(ResourceKind.PRIVATE_ENDPOINT, endpointId);
    boolean aws = cloudProvider.equals("AWS");
    String failed = aws ? "REJECTED" : "FAILED";
    return timeline(failure,
        stage(Duration.ZERO, aws ? "PENDING_ACCEPTANCE" : "INITIATING"),
        stage(lifecycle.endpointPending(), failure.isPresent() ? failed : "AVAILABLE"));
  }

  /** RESERVATION_REQUESTED, RESERVED, then AVAILABLE or FAILED. */
  StatusTimeline serverlessEndpoint(String instanceName) {
    Optional<String> failure = plan.failureOf(ResourceKind.SERVERLESS_PRIVATE_ENDPOINT, instanceName);
    Duration reserved = lifecycle.serverlessReservationRequested();
    return timeline(failure,
        stage(Duration.ZERO, "RESERVATION_REQUESTED"),
        stage(reserved, "RESERVED"),
        stage(reserved.plus(lifecycle.serverlessReserved()), failure.isPresent() ? "FAILED" : "AVAILABLE"));
  }

  private StatusTimeline timeline(Optional<String> failure, StatusTimeline.Stage... stages) {
    return new StatusTimeline(clock.instant(), lifecycle.notFoundWindow(), List.of(stages), failure.orElse(null));
  }

  private static StatusTimeline.Stage stage(Duration after, String status) {
    return new StatusTimeline.Stage(after, status);
  }
}
