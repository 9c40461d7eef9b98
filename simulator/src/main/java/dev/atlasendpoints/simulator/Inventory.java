package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resources the simulator holds, per project, and everything it created, for tests to read
 * back. Thread-safe: each change is atomic, so concurrent creates of the same provider and region
 * yield exactly one service and 409s for the rest.
 */
public final class Inventory {

  /** An endpoint service: the unit Atlas keeps unique per project, provider and region. */
  record EndpointServiceRecord(String projectId, String id, String cloudProvider, String regionName,
      ObjectNode representation) {}

  private final Map<String, Map<String, EndpointServiceRecord>> servicesByProject = new HashMap<>();
  private final List<StoredResource> created = new ArrayList<>();
  private final AtomicLong idSequence = new AtomicLong();
  private final long idPrefix = System.currentTimeMillis() / 1000;

  Inventory() {}

  /** Every resource created so far, in order of creation. */
  public synchronized List<StoredResource> resources() {
    return List.copyOf(created);
  }

  /** The resources {@code operation} created. */
  public synchronized List<StoredResource> resources(Operation operation) {
    return created.stream().filter(r -> r.operation() == operation).toList();
  }

  /** Forgets every resource (the counters are not reset). */
  public synchronized void clear() {
    servicesByProject.clear();
    created.clear();
  }

  /** A new id in Atlas's form: 24 lower-case hex digits, unique within this simulator. */
  String newId() {
    return String.format("%08x%016x", idPrefix, idSequence.incrementAndGet());
  }

  /**
   * Adds an endpoint service unless the project already has one for that provider and region.
   *
   * @return the new record, or empty when one exists already
   */
  synchronized Optional<EndpointServiceRecord> addEndpointService(
      Operation operation, String projectId, String cloudProvider, String regionName,
      java.util.function.Function<String, ObjectNode> representationForId) {
    Map<String, EndpointServiceRecord> services = servicesByProject.computeIfAbsent(projectId, p -> new HashMap<>());
    boolean exists = services.values().stream()
        .anyMatch(s -> s.cloudProvider().equals(cloudProvider) && s.regionName().equals(regionName));
    if (exists) {
      return Optional.empty();
    }
    String id = newId();
    var service = new EndpointServiceRecord(projectId, id, cloudProvider, regionName, representationForId.apply(id));
    services.put(id, service);
    created.add(new StoredResource(operation, projectId, id, service.representation()));
    return Optional.of(service);
  }

  synchronized Optional<EndpointServiceRecord> endpointService(String projectId, String serviceId) {
    return Optional.ofNullable(servicesByProject.getOrDefault(projectId, Map.of()).get(serviceId));
  }

  synchronized void add(StoredResource resource) {
    created.add(resource);
  }
}
