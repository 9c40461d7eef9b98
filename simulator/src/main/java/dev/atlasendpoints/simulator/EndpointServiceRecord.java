package dev.atlasendpoints.simulator;

import java.util.List;

/**
 * An endpoint service: the unit Atlas keeps unique per project, provider and region. A legacy
 * connection is an AWS endpoint service too, created by {@code createPrivateEndpointConnection}.
 *
 * @param supportedRemoteRegions as the create asked (AWS), or {@code null}
 * @param portMappingEnabled as the create asked (GCP)
 */
record EndpointServiceRecord(String projectId, String id, String cloudProvider, String regionName,
    boolean legacyConnection, List<String> supportedRemoteRegions, boolean portMappingEnabled,
    StatusTimeline timeline) {

  EndpointServiceRecord {
    supportedRemoteRegions = supportedRemoteRegions == null ? null : List.copyOf(supportedRemoteRegions);
  }
}
