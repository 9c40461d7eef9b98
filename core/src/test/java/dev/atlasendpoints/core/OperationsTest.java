package dev.atlasendpoints.core;

import static dev.atlasendpoints.core.Fixtures.PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atlasendpoints.generated.api.PrivateEndpointServicesApi;
import dev.atlasendpoints.generated.api.ServerlessPrivateEndpointsApi;
import dev.atlasendpoints.generated.model.AWSInterfaceEndpoint;
import dev.atlasendpoints.generated.model.AWSPrivateLinkConnection;
import dev.atlasendpoints.generated.model.ApiResponse;
import dev.atlasendpoints.generated.model.AzurePrivateEndpoint;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.CreateAWSEndpointRequest;
import dev.atlasendpoints.generated.model.CreateAzureEndpointRequest;
import dev.atlasendpoints.generated.model.CreateGCPEndpointGroupRequest;
import dev.atlasendpoints.generated.model.EndpointService;
import dev.atlasendpoints.generated.model.GCPEndpointGroup;
import dev.atlasendpoints.generated.model.PrivateEndpointConnection;
import dev.atlasendpoints.generated.model.PrivateEndpointConnectionRequest;
import dev.atlasendpoints.generated.model.ServerlessAWSTenantEndpoint;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantEndpoint;
import dev.atlasendpoints.simulator.AtlasSimulator;
import dev.atlasendpoints.simulator.Operation;
import dev.atlasendpoints.simulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every operation of the spec through the client, against the simulator over real sockets. */
@SuppressWarnings("deprecation")
class OperationsTest {

  private AtlasSimulator simulator;
  private AtlasClient client;
  private PrivateEndpointServicesApi services;
  private ServerlessPrivateEndpointsApi serverless;

  @BeforeEach
  void start() {
    simulator = Fixtures.simulator().start();
    client = Fixtures.client(simulator).build();
    services = client.api(PrivateEndpointServicesApi.class);
    serverless = client.api(ServerlessPrivateEndpointsApi.class);
  }

  @AfterEach
  void stop() {
    client.close();
    simulator.close();
  }

  @Test
  void createPrivateEndpointService_accepts201_andDecodesTheAwsForm() {
    EndpointService created = services.createPrivateEndpointService(PROJECT, Fixtures.awsService("eu-west-1"));

    assertThat(created).isInstanceOf(AWSPrivateLinkConnection.class);
    assertThat(created.getRegionName()).isEqualTo("EU_WEST_1");
    assertThat(created.getStatus()).isEqualTo(EndpointService.StatusEnum.INITIATING);
    assertThat(simulator.inventory().resources(Operation.CREATE_PRIVATE_ENDPOINT_SERVICE)).singleElement()
        .satisfies(r -> assertThat(r.id()).isEqualTo(created.getId()));
  }

  @Test
  void v2Requests_sendExactlyTheVersionedMediaType_v1PlainJson() {
    services.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1"));
    services.createPrivateEndpointConnection(PROJECT, new PrivateEndpointConnectionRequest()
        .providerName(PrivateEndpointConnectionRequest.ProviderNameEnum.AWS)
        .region(PrivateEndpointConnectionRequest.RegionEnum.US_WEST_2));

    RecordedRequest v2 = lastAuthenticated("/api/atlas/v2/");
    RecordedRequest v1 = lastAuthenticated("/api/atlas/v1.0/");
    assertThat(v2.header("Accept")).isEqualTo("application/vnd.atlas.2023-01-01+json");
    assertThat(v2.header("Content-Type")).startsWith("application/vnd.atlas.2023-01-01+json");
    assertThat(v1.header("Accept")).isEqualTo("application/json");
    assertThat(v1.header("Content-Type")).startsWith("application/json");
    assertThat(v2.header("User-Agent")).startsWith("atlas-endpoints-java/");
    assertThat(v2.query()).isNull();
  }

  @Test
  void createPrivateEndpoint_forEachProvider_decodesItsSubtype() {
    String aws = services.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-east-1")).getId();
    String azure = services.createPrivateEndpointService(PROJECT, new CloudProviderEndpointServiceRequest()
        .providerName(CloudProvider.AZURE).region("eastus2")).getId();
    String gcp = services.createPrivateEndpointService(PROJECT, new CloudProviderEndpointServiceRequest()
        .providerName(CloudProvider.GCP).region("us-central1")).getId();

    var awsEndpoint = services.createPrivateEndpoint(PROJECT, CloudProvider.AWS, aws,
        new CreateAWSEndpointRequest().id("vpce-0123456789abcdef0"));
    var azureEndpoint = services.createPrivateEndpoint(PROJECT, CloudProvider.AZURE, azure,
        new CreateAzureEndpointRequest().id("/subscriptions/x/pe-1").privateEndpointIPAddress("10.0.0.4"));
    var gcpEndpoint = services.createPrivateEndpoint(PROJECT, CloudProvider.GCP, gcp,
        new CreateGCPEndpointGroupRequest().endpointGroupName("group-1").gcpProjectId("p-fdeeb3e43b8e733e5ab627b1"));

    assertThat(awsEndpoint).isInstanceOfSatisfying(AWSInterfaceEndpoint.class,
        e -> assertThat(e.getInterfaceEndpointId()).isEqualTo("vpce-0123456789abcdef0"));
    assertThat(azureEndpoint).isInstanceOf(AzurePrivateEndpoint.class);
    assertThat(gcpEndpoint).isInstanceOf(GCPEndpointGroup.class);
    assertThat(lastAuthenticated("/AWS/endpointService/").body()).contains("\"cloudProvider\":\"AWS\"");
  }

  @Test
  void legacyConnection_andBothServerlessOperations() {
    PrivateEndpointConnection connection = services.createPrivateEndpointConnection(PROJECT,
        new PrivateEndpointConnectionRequest().providerName(PrivateEndpointConnectionRequest.ProviderNameEnum.AWS)
            .region(PrivateEndpointConnectionRequest.RegionEnum.AP_SOUTH_1));
    ServerlessTenantEndpoint v2 = serverless.createServerlessPrivateEndpoint(PROJECT, "instance-1",
        new ServerlessTenantCreateRequest().comment("from the SDK"));
    ServerlessTenantEndpoint v1 = serverless.createServerlessPrivateEndpointV1(PROJECT, "instance-1",
        new ServerlessTenantCreateRequest());

    assertThat(connection.getStatus()).isEqualTo(PrivateEndpointConnection.StatusEnum.INITIATING);
    assertThat(v2).isInstanceOf(ServerlessAWSTenantEndpoint.class);
    assertThat(v2.getComment()).isEqualTo("from the SDK");
    assertThat(v2.getId()).matches("[a-f0-9]{24}");
    assertThat(v1.getStatus()).isEqualTo(ServerlessTenantEndpoint.StatusEnum.RESERVATION_REQUESTED);
    assertThat(simulator.counters().creates()).isEqualTo(3);
  }

  @Test
  void withHttpInfo_exposesStatusAndHeaders_includingDeprecationAndRateLimit() {
    ApiResponse<ServerlessTenantEndpoint> response = serverless.createServerlessPrivateEndpointWithHttpInfo(PROJECT,
        "instance-1", new ServerlessTenantCreateRequest());

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(header(response, "Sunset")).isEqualTo(Operation.SUNSET);
    assertThat(header(response, "RateLimit-Remaining")).isEqualTo("3999");
    assertThat(response.getData().getId()).isNotBlank();
  }

  @Test
  void envelopeAnswers_areUnwrapped_intoTheModelAndItsRealStatus() {
    ApiResponse<EndpointService> response = services.createPrivateEndpointServiceWithHttpInfo(PROJECT,
        Fixtures.awsService("us-east-2"), true, null);

    assertThat(response.getStatusCode()).isEqualTo(201);
    assertThat(response.getData().getRegionName()).isEqualTo("US_EAST_2");
    assertThat(lastAuthenticated("/endpointService").query()).isEqualTo("envelope=true");
  }

  @Test
  void optionalQueryParameters_areSentOnlyWhenSet() {
    services.createPrivateEndpointService(PROJECT, Fixtures.awsService("us-west-1"), null, true);

    assertThat(lastAuthenticated("/endpointService").query()).isEqualTo("pretty=true");
  }

  private RecordedRequest lastAuthenticated(String pathPart) {
    return simulator.requests().stream()
        .filter(r -> r.path().contains(pathPart) && r.header("Authorization") != null)
        .reduce((a, b) -> b).orElseThrow();
  }

  private static String header(ApiResponse<?> response, String name) {
    return response.getHeaders().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
  }
}
