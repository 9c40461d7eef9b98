package dev.atlasendpoints.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Endpoint sets, the key Atlas groups its rate limits by. */
class AtlasOperationTest {

  @Test
  void endpointSet_isThePathUpToTheSegmentAfterTheProject() {
    AtlasOperation serverless = new AtlasOperation("createServerlessPrivateEndpoint", "POST",
        "/api/atlas/v2/groups/{groupId}/privateEndpoint/serverless/instance/{instanceName}/endpoint", true, "x");
    AtlasOperation services = new AtlasOperation("createPrivateEndpointService", "POST",
        "/api/atlas/v2/groups/{groupId}/privateEndpoint/endpointService", false, "x");
    AtlasOperation noProject = new AtlasOperation("other", "GET", "/api/atlas/v2/orgs", false, "x");

    assertThat(serverless.endpointSet()).isEqualTo("/api/atlas/v2/groups/{groupId}/privateEndpoint");
    assertThat(services.endpointSet()).isEqualTo(serverless.endpointSet());
    assertThat(noProject.endpointSet()).isEqualTo("/api/atlas/v2/orgs");
  }
}
