package dev.atlasendpoints.provisioning;

import dev.atlasendpoints.generated.model.CloudProvider;
import java.util.Map;
import java.util.Set;

/**
 * The contract's status table: which statuses of which resource mean done and which mean failed.
 * Everything else, an unknown status included, is still moving. A non-empty {@code errorMessage}
 * means failed whatever the status says.
 */
final class StatusTable {

  private record Ends(Set<String> done, Set<String> failed) {}

  private static final Ends SERVICE = new Ends(Set.of("AVAILABLE", "WAITING_FOR_USER"), Set.of("FAILED"));
  private static final Map<CloudProvider, Ends> ENDPOINT = Map.of(
      CloudProvider.AWS, new Ends(Set.of("AVAILABLE"), Set.of("REJECTED")),
      CloudProvider.AZURE, new Ends(Set.of("AVAILABLE"), Set.of("FAILED")),
      CloudProvider.GCP, new Ends(Set.of("AVAILABLE"), Set.of("FAILED", "DELETED")));
  private static final Ends ANY_ENDPOINT = new Ends(Set.of("AVAILABLE"), Set.of("FAILED", "REJECTED", "DELETED"));
  private static final Ends SERVERLESS = new Ends(Set.of("AVAILABLE"), Set.of("FAILED"));
  // The legacy connection's statuses know no AVAILABLE: WAITING_FOR_USER is as far as Atlas takes it.
  private static final Ends CONNECTION = new Ends(Set.of("WAITING_FOR_USER"), Set.of("FAILED"));

  private StatusTable() {}

  static Phase phase(ResourceRef ref, ResourceState state) {
    if (state.hasError()) {
      return Phase.FAILED;
    }
    Ends ends = endsOf(ref);
    if (ends.done().contains(state.status())) {
      return Phase.DONE;
    }
    return ends.failed().contains(state.status()) ? Phase.FAILED : Phase.MOVING;
  }

  private static Ends endsOf(ResourceRef ref) {
    if (ref instanceof ResourceRef.EndpointService) {
      return SERVICE;
    }
    if (ref instanceof ResourceRef.Endpoint endpoint) {
      return ENDPOINT.getOrDefault(endpoint.provider(), ANY_ENDPOINT);
    }
    return ref instanceof ResourceRef.ServerlessEndpoint ? SERVERLESS : CONNECTION;
  }
}
