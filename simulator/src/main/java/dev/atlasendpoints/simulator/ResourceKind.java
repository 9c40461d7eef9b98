package dev.atlasendpoints.simulator;

/** The kinds of resource the simulator creates, for scripting how their lifecycle ends ({@link LifecyclePlan}). */
public enum ResourceKind {
  /**
   * A private endpoint service, created by {@code createPrivateEndpointService} or as a legacy
   * connection by {@code createPrivateEndpointConnection}. Scripted by its region, either style
   * ({@code us-east-1} or {@code US_EAST_1}); a failing one ends {@code FAILED}.
   */
  ENDPOINT_SERVICE,
  /**
   * A private endpoint, created by {@code createPrivateEndpoint}. Scripted by the id the client chose
   * (the {@code vpce-} id, the Azure resource id, the GCP endpoint group name); a failing one ends
   * {@code REJECTED} on AWS and {@code FAILED} on Azure and GCP.
   */
  PRIVATE_ENDPOINT,
  /**
   * A serverless private endpoint, created by either serverless create. Scripted by its instance's
   * name; a failing one ends {@code FAILED}.
   */
  SERVERLESS_PRIVATE_ENDPOINT
}
