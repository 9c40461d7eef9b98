package dev.atlasendpoints.core;

import static dev.atlasendpoints.core.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atlasendpoints.core.errors.AtlasInvalidRequestException;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantEndpoint;
import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Default methods of an API interface (overloads without the optional parameters, say) run as
 * written and call back through the client, with validation and everything else, over real sockets.
 */
public class DefaultMethodsTest {

  /** The shape of a generated interface with an overload as a default method. */
  public interface ServerlessWithOverloads {
    @RequestLine(value = "POST /api/atlas/v2/groups/{groupId}/privateEndpoint/serverless/instance/{instanceName}"
        + "/endpoint?envelope={envelope}", decodeSlash = false)
    @Headers({"Content-Type: application/vnd.atlas.2023-01-01+json", "Accept: application/json"})
    ServerlessTenantEndpoint createServerlessPrivateEndpoint(@Param("groupId") String groupId,
        @Param("instanceName") String instanceName, ServerlessTenantCreateRequest request,
        @Param("envelope") Boolean envelope);

    @RequestLine(value = "GET /api/atlas/v2/groups/{groupId}/privateEndpoint/serverless/instance/{instanceName}"
        + "/endpoint?envelope={envelope}", decodeSlash = false)
    @Headers({"Accept: application/json"})
    List<ServerlessTenantEndpoint> listServerlessPrivateEndpoint(@Param("groupId") String groupId,
        @Param("instanceName") String instanceName, @Param("envelope") Boolean envelope);

    default ServerlessTenantEndpoint createServerlessPrivateEndpoint(String groupId, String instanceName,
        ServerlessTenantCreateRequest request) {
      return createServerlessPrivateEndpoint(groupId, instanceName, request, null);
    }

    default List<ServerlessTenantEndpoint> listServerlessPrivateEndpoint(String groupId, String instanceName) {
      return listServerlessPrivateEndpoint(groupId, instanceName, null);
    }
  }

  @RegisterExtension
  final SimulatedAtlas atlas = new SimulatedAtlas();
  private ServerlessWithOverloads api;

  @BeforeEach
  void start() {
    api = atlas.start(Fixtures.simulator(), Fixtures.apiKeyClient(), ServerlessWithOverloads.class);
  }

  @Test
  void defaultOverloads_callTheFullMethods_andReachAtlas() {
    ServerlessTenantEndpoint created = api.createServerlessPrivateEndpoint(PROJECT, "instance-1",
        new ServerlessTenantCreateRequest().comment("through a default method"));

    List<ServerlessTenantEndpoint> listed = api.listServerlessPrivateEndpoint(PROJECT, "instance-1");

    assertThat(created.getComment()).isEqualTo("through a default method");
    assertThat(listed).extracting(ServerlessTenantEndpoint::getId).containsExactly(created.getId());
    assertThat(atlas.simulator().requests()).extracting(r -> r.path())
        .allSatisfy(path -> assertThat(path).endsWith("/serverless/instance/instance-1/endpoint"));
  }

  @Test
  void defaultOverloads_areValidatedLikeTheFullMethods_beforeAnythingIsSent() {
    AtlasInvalidRequestException refused = catchThrowableOfType(
        () -> api.listServerlessPrivateEndpoint("not-a-project-id", "instance-1"), AtlasInvalidRequestException.class);

    assertThat(refused.violations()).extracting(v -> v.field()).containsExactly("groupId");
    assertThat(atlas.simulator().requests()).isEmpty();
  }
}
