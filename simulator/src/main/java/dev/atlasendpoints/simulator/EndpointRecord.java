package dev.atlasendpoints.simulator;

/**
 * A private endpoint connected to an endpoint service.
 *
 * @param created what the create answered: its id is the one the client chose (the {@code vpce-} id,
 *     the Azure resource id or the GCP group name), its body is where reads start from
 */
record EndpointRecord(String serviceId, String cloudProvider, StoredResource created, StatusTimeline timeline) {

  String endpointId() {
    return created.id();
  }
}
