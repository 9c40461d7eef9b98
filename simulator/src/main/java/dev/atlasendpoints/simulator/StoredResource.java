package dev.atlasendpoints.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A resource the simulator created.
 *
 * @param operation the operation that created it
 * @param projectId its project
 * @param id its id (for AWS endpoints, the interface endpoint id)
 * @param body the representation the simulator answered with (a copy)
 */
public record StoredResource(Operation operation, String projectId, String id, ObjectNode body) {

  public StoredResource {
    body = body.deepCopy();
  }

  @Override
  public ObjectNode body() {
    return body.deepCopy();
  }
}
