package dev.atlasendpoints.core;

import static dev.atlasendpoints.core.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atlasendpoints.core.errors.AtlasInvalidRequestException;
import dev.atlasendpoints.core.errors.AtlasInvalidRequestException.Violation;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.model.ApiResponse;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.EndpointService;
import dev.atlasendpoints.simulator.RecordedRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The generated overloads without {@code envelope} and {@code pretty} are default methods of the
 * API interfaces. A call to one must go through the client exactly like a call to the full method:
 * validated first, resolved to its operation, and sent without the optional query parameters.
 */
class OptionalParameterOverloadsTest {

  @RegisterExtension
  final SimulatedAtlas atlas = new SimulatedAtlas();

  private final List<AtlasCall> resolved = new CopyOnWriteArrayList<>();

  private PrivateEndpointServicesApi start() {
    ClientLayer observer = ClientLayer.of(LayerPosition.EXCHANGE, "observer", (next, context) -> (request, options) -> {
      resolved.add(context.call(request));
      return next.execute(request, options);
    });
    return atlas.start(Fixtures.simulator(), Fixtures.apiKeyClient().layer(observer), PrivateEndpointServicesApi.class);
  }

  @Test
  void anOverloadCall_isResolvedToItsOperation_andSentWithoutOptionalQueryParameters() {
    PrivateEndpointServicesApi services = start();

    EndpointService created = services.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1"));

    assertThat(created.getId()).isNotBlank();
    assertThat(resolved).isNotEmpty().allSatisfy(call -> {
      assertThat(call.operation().operationId()).isEqualTo("createPrivateEndpointService");
      assertThat(call.projectId()).isEqualTo(PROJECT);
    });
    RecordedRequest sent = lastAuthenticated();
    assertThat(sent.path()).isEqualTo("/api/atlas/v2/groups/" + PROJECT + "/privateEndpoint/endpointService");
    assertThat(sent.query()).isNull();
  }

  @Test
  void theWithHttpInfoOverload_returnsTheStatus_andSendsNoQuery() {
    PrivateEndpointServicesApi services = start();
    String serviceId = services.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1")).getId();

    ApiResponse<EndpointService> read =
        services.getPrivateEndpointServiceWithHttpInfo(PROJECT, CloudProvider.AWS, serviceId);

    assertThat(read.getStatusCode()).isEqualTo(200);
    assertThat(read.getData().getId()).isEqualTo(serviceId);
    assertThat(resolved).last().satisfies(call ->
        assertThat(call.operation().operationId()).isEqualTo("getPrivateEndpointService"));
    assertThat(lastAuthenticated().query()).isNull();
  }

  @Test
  void anOverloadCall_isValidated_beforeAnythingIsSent() {
    PrivateEndpointServicesApi services = start();

    AtlasInvalidRequestException refused = catchThrowableOfType(AtlasInvalidRequestException.class,
        () -> services.createPrivateEndpointService("not-a-project-id", Fixtures.awsService("us-east-1")));

    assertThat(refused).isNotNull();
    assertThat(refused.violations()).extracting(Violation::field).containsExactly("groupId");
    assertThat(atlas.simulator().requests()).isEmpty();
    assertThat(resolved).isEmpty();
  }

  @Test
  void anOverloadCall_onAClosedClient_failsLikeAnyOther() {
    PrivateEndpointServicesApi services = start();
    atlas.client().close();

    IllegalStateException closed = catchThrowableOfType(IllegalStateException.class,
        () -> services.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1")));

    assertThat(closed).hasMessageContaining("closed");
    assertThat(atlas.simulator().requests()).isEmpty();
  }

  private RecordedRequest lastAuthenticated() {
    List<RecordedRequest> requests = atlas.simulator().requests().stream()
        .filter(r -> r.header("Authorization") != null)
        .toList();
    assertThat(requests).isNotEmpty();
    return requests.get(requests.size() - 1);
  }
}
