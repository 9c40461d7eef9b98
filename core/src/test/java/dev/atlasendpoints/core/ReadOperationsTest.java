package dev.atlasendpoints.core;

import static dev.atlasendpoints.core.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.atlasendpoints.core.errors.AtlasInvalidRequestException;
import dev.atlasendpoints.core.errors.AtlasNotFoundException;
import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.AWSInterfaceEndpoint;
import dev.atlasendpoints.generated.model.AzurePrivateEndpoint;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.CreateAWSEndpointRequest;
import dev.atlasendpoints.generated.model.CreateAzureEndpointRequest;
import dev.atlasendpoints.generated.model.EndpointService;
import dev.atlasendpoints.generated.model.PrivateEndpointConnection;
import dev.atlasendpoints.generated.model.PrivateEndpointConnectionRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantEndpoint;
import dev.atlasendpoints.simulator.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The read operations through the client, in every form, against the simulator over real sockets. */
@SuppressWarnings("deprecation")
class ReadOperationsTest {

  private static final String AZURE_RESOURCE_ID = "/subscriptions/00000000-1111/resourceGroups/rg-1/providers/"
      + "Microsoft.Network/privateEndpoints/pe-1";

  @RegisterExtension
  final SimulatedAtlas atlas = new SimulatedAtlas();
  private PrivateEndpointServicesApi services;
  private ServerlessPrivateEndpointsApi serverless;

  @BeforeEach
  void start() {
    services = atlas.start(Fixtures.simulator(), Fixtures.apiKeyClient(), PrivateEndpointServicesApi.class);
    serverless = atlas.client().api(ServerlessPrivateEndpointsApi.class);
  }

  @Test
  void aCreatedService_readsBackByIdAndInTheProvidersList_onV2AndV1() {
    EndpointService created = services.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1"));
    services.createPrivateEndpointService(PROJECT, new CloudProviderEndpointServiceRequest()
        .providerName(CloudProvider.AZURE).region("eastus2"));

    EndpointService read = services.getPrivateEndpointService(PROJECT, CloudProvider.AWS, created.getId());
    EndpointService readV1 = services.getPrivateEndpointServiceV1(PROJECT, CloudProvider.AWS, created.getId());
    List<EndpointService> aws = services.listPrivateEndpointService(PROJECT, CloudProvider.AWS);
    List<EndpointService> awsV1 = services.listPrivateEndpointServiceV1(PROJECT, CloudProvider.AWS);

    assertThat(List.of(read, readV1)).allSatisfy(service -> {
      assertThat(service.getId()).isEqualTo(created.getId());
      assertThat(service.getRegionName()).isEqualTo("US_EAST_1");
    });
    assertThat(aws).extracting(EndpointService::getId).containsExactly(created.getId());
    assertThat(awsV1).extracting(EndpointService::getId).containsExactly(created.getId());
  }

  @Test
  void reads_sendNoBodyAndNoContentType_andAcceptExactlyTheSuccessType() {
    EndpointService created = services.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1"));

    services.getPrivateEndpointService(PROJECT, CloudProvider.AWS, created.getId());
    services.getPrivateEndpointServiceV1(PROJECT, CloudProvider.AWS, created.getId());

    List<RecordedRequest> reads = atlas.simulator().requests().stream()
        .filter(r -> r.method().equals("GET") && r.header("Authorization") != null).toList();
    assertThat(reads).hasSize(2);
    assertThat(reads.get(0).header("Accept")).isEqualTo("application/vnd.atlas.2023-01-01+json");
    assertThat(reads.get(1).header("Accept")).isEqualTo("application/json");
    assertThat(reads).allSatisfy(r -> {
      assertThat(r.header("Content-Type")).isNull();
      assertThat(r.body()).isEmpty();
    });
  }

  @Test
  void endpoints_readBackByTheIdTheClientChose_anAzureResourceIdIncluded() {
    String aws = services.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1")).getId();
    String azure = services.createPrivateEndpointService(PROJECT, new CloudProviderEndpointServiceRequest()
        .providerName(CloudProvider.AZURE).region("eastus2")).getId();
    services.createPrivateEndpoint(PROJECT, CloudProvider.AWS, aws,
        new CreateAWSEndpointRequest().id("vpce-0123456789abcdef0"));
    services.createPrivateEndpoint(PROJECT, CloudProvider.AZURE, azure,
        new CreateAzureEndpointRequest().id(AZURE_RESOURCE_ID).privateEndpointIPAddress("10.0.0.4"));

    var awsEndpoint = services.getPrivateEndpoint(PROJECT, CloudProvider.AWS, aws, "vpce-0123456789abcdef0");
    var azureEndpoint = services.getPrivateEndpoint(PROJECT, CloudProvider.AZURE, azure, AZURE_RESOURCE_ID, true, null);

    assertThat(awsEndpoint).isInstanceOfSatisfying(AWSInterfaceEndpoint.class,
        e -> assertThat(e.getInterfaceEndpointId()).isEqualTo("vpce-0123456789abcdef0"));
    assertThat(azureEndpoint).isInstanceOfSatisfying(AzurePrivateEndpoint.class,
        e -> assertThat(e.getPrivateEndpointResourceId()).isEqualTo(AZURE_RESOURCE_ID));
    assertThat(atlas.simulator().requests()).anySatisfy(r -> assertThat(r.path() + "?" + r.query())
        .contains("/endpoint/").contains("envelope=true"));
  }

  @Test
  void serverlessEndpoints_andLegacyConnections_areListedAndReadBack() {
    ServerlessTenantEndpoint created = serverless.createServerlessPrivateEndpoint(PROJECT, "instance-1",
        new ServerlessTenantCreateRequest().comment("first"));
    PrivateEndpointConnection connection = services.createPrivateEndpointConnection(PROJECT,
        new PrivateEndpointConnectionRequest().providerName(PrivateEndpointConnectionRequest.ProviderNameEnum.AWS)
            .region(PrivateEndpointConnectionRequest.RegionEnum.US_WEST_2));

    assertThat(serverless.listServerlessPrivateEndpoint(PROJECT, "instance-1"))
        .extracting(ServerlessTenantEndpoint::getId).containsExactly(created.getId());
    assertThat(serverless.listServerlessPrivateEndpointV1(PROJECT, "instance-1"))
        .extracting(ServerlessTenantEndpoint::getId).containsExactly(created.getId());
    assertThat(serverless.listServerlessPrivateEndpoint(PROJECT, "another-instance")).isEmpty();
    assertThat(serverless.getServerlessPrivateEndpoint(PROJECT, "instance-1", created.getId()).getComment())
        .isEqualTo("first");
    assertThat(services.listPrivateEndpointConnections(PROJECT))
        .extracting(PrivateEndpointConnection::getId).containsExactly(connection.getId());
    assertThat(services.getPrivateEndpointConnection(PROJECT, connection.getId()).getId())
        .isEqualTo(connection.getId());
  }

  @Test
  void aMissingResource_isNotFound() {
    AtlasNotFoundException e = catchThrowableOfType(AtlasNotFoundException.class, () ->
        services.getPrivateEndpointService(PROJECT, CloudProvider.AWS, "aaaaaaaaaaaaaaaaaaaaaaaa"));

    assertThat(e.operationId()).isEqualTo("getPrivateEndpointService");
    assertThat(e.status()).isEqualTo(404);
  }

  @Test
  void badReadArguments_areRefusedBeforeAnyRequest() {
    long before = atlas.simulator().counters().requests();

    AtlasInvalidRequestException emptyEndpointId = catchThrowableOfType(AtlasInvalidRequestException.class, () ->
        services.getPrivateEndpoint(PROJECT, CloudProvider.AWS, "aaaaaaaaaaaaaaaaaaaaaaaa", ""));
    AtlasInvalidRequestException malformedServerlessId = catchThrowableOfType(AtlasInvalidRequestException.class,
        () -> serverless.getServerlessPrivateEndpoint(PROJECT, "instance-1", "vpce-not-hex"));

    assertThat(emptyEndpointId.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("endpointId"));
    assertThat(malformedServerlessId.violations()).singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("endpointId"));
    assertThat(atlas.simulator().counters().requests()).isEqualTo(before);
  }
}
