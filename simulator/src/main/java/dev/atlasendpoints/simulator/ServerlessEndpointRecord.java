package dev.atlasendpoints.simulator;

/**
 * A private endpoint of a serverless instance.
 *
 * @param created what the create answered: its id is the {@code _id}, its body is where reads start from
 */
record ServerlessEndpointRecord(String instanceName, StoredResource created, StatusTimeline timeline) {

  String projectId() {
    return created.projectId();
  }

  String id() {
    return created.id();
  }
}
