package dev.atlasendpoints.generated;

import static dev.atlasendpoints.generated.ContractExamplesTest.withoutNulls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atlasendpoints.generated.json.AtlasJson;
import dev.atlasendpoints.generated.model.AWSInterfaceEndpoint;
import dev.atlasendpoints.generated.model.AWSPrivateLinkConnection;
import dev.atlasendpoints.generated.model.AzurePrivateEndpoint;
import dev.atlasendpoints.generated.model.AzurePrivateLinkConnection;
import dev.atlasendpoints.generated.model.CloudProvider;
import dev.atlasendpoints.generated.model.CloudProviderEndpointServiceRequest;
import dev.atlasendpoints.generated.model.CreateAWSEndpointRequest;
import dev.atlasendpoints.generated.model.CreateAzureEndpointRequest;
import dev.atlasendpoints.generated.model.CreateGCPEndpointGroupRequest;
import dev.atlasendpoints.generated.model.CreateGCPForwardingRuleRequest;
import dev.atlasendpoints.generated.model.EndpointService;
import dev.atlasendpoints.generated.model.GCPEndpointGroup;
import dev.atlasendpoints.generated.model.GCPEndpointService;
import dev.atlasendpoints.generated.model.PrivateLinkEndpoint;
import dev.atlasendpoints.generated.model.ServerlessAWSTenantEndpoint;
import dev.atlasendpoints.generated.model.ServerlessAzureTenantEndpoint;
import dev.atlasendpoints.generated.model.ServerlessTenantCreateRequest;
import dev.atlasendpoints.generated.model.ServerlessTenantEndpoint;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provider forms of every polymorphic schema, and the rough edges of the live service. */
class PolymorphicModelsTest {

  private final ObjectMapper mapper = AtlasJson.newMapper();

  @Test
  void privateLinkEndpoint_decodesEachProviderToItsOwnSubtype() throws IOException {
    PrivateLinkEndpoint aws = mapper.readValue("""
        {"cloudProvider":"AWS","deleteRequested":false,"errorMessage":null,
         "interfaceEndpointId":"vpce-08fb7e9319909ec7b","connectionStatus":"PENDING_ACCEPTANCE"}""",
        PrivateLinkEndpoint.class);
    PrivateLinkEndpoint azure = mapper.readValue("""
        {"cloudProvider":"AZURE","deleteRequested":false,"errorMessage":null,
         "privateEndpointConnectionName":"pe-conn","privateEndpointIPAddress":"10.0.0.4",
         "privateEndpointResourceId":"/subscriptions/x/pe-1","status":"INITIATING"}""",
        PrivateLinkEndpoint.class);
    PrivateLinkEndpoint gcp = mapper.readValue("""
        {"cloudProvider":"GCP","deleteRequested":false,"errorMessage":null,
         "endpointGroupName":"group-1","gcpProjectId":"p-fdeeb3e43b8e733e5ab627b1","portMappingEnabled":true,
         "endpoints":[{"endpointName":"rule-0","ipAddress":"10.1.0.2","status":"AVAILABLE"}],
         "status":"VERIFIED"}""",
        PrivateLinkEndpoint.class);

    assertThat(aws).isInstanceOfSatisfying(AWSInterfaceEndpoint.class, e -> {
      assertThat(e.getInterfaceEndpointId()).isEqualTo("vpce-08fb7e9319909ec7b");
      assertThat(e.getConnectionStatus()).isEqualTo(AWSInterfaceEndpoint.ConnectionStatusEnum.PENDING_ACCEPTANCE);
      assertThat(e.getDeleteRequested()).isFalse();
    });
    assertThat(azure).isInstanceOfSatisfying(AzurePrivateEndpoint.class, e -> {
      assertThat(e.getPrivateEndpointIPAddress()).isEqualTo("10.0.0.4");
      assertThat(e.getStatus()).isEqualTo(AzurePrivateEndpoint.StatusEnum.INITIATING);
    });
    assertThat(gcp).isInstanceOfSatisfying(GCPEndpointGroup.class, e -> {
      assertThat(e.getStatus()).isEqualTo(GCPEndpointGroup.StatusEnum.VERIFIED);
      assertThat(e.getEndpoints()).singleElement()
          .satisfies(rule -> assertThat(rule.getIpAddress()).isEqualTo("10.1.0.2"));
      assertThat(e.getPortMappingEnabled()).isTrue();
    });
  }

  @Test
  void endpointService_decodesAzureAndGcpForms() throws IOException {
    EndpointService azure = mapper.readValue("""
        {"cloudProvider":"AZURE","errorMessage":null,"id":"6a793f68c0eb9e7a17715836","regionName":"US_EAST_2",
         "status":"AVAILABLE","privateEndpoints":[],"privateLinkServiceName":"pls_1",
         "privateLinkServiceResourceId":"/subscriptions/x/pls_1"}""", EndpointService.class);
    EndpointService gcp = mapper.readValue("""
        {"cloudProvider":"GCP","errorMessage":null,"id":"6a793f68c0eb9e7a17715837","regionName":"CENTRAL_US",
         "status":"WAITING_FOR_USER","endpointGroupNames":["g1"],"portMappingEnabled":true,
         "serviceAttachmentNames":["sa-1"]}""", EndpointService.class);

    assertThat(azure).isInstanceOfSatisfying(AzurePrivateLinkConnection.class,
        s -> assertThat(s.getPrivateLinkServiceName()).isEqualTo("pls_1"));
    assertThat(gcp).isInstanceOfSatisfying(GCPEndpointService.class, s -> {
      assertThat(s.getServiceAttachmentNames()).containsExactly("sa-1");
      assertThat(s.getStatus()).isEqualTo(EndpointService.StatusEnum.WAITING_FOR_USER);
    });
  }

  @Test
  void serverlessEndpoint_tellsFormsApartByProviderName_andKeepsTheLowerCaseIpField() throws IOException {
    ServerlessTenantEndpoint aws = mapper.readValue("""
        {"_id":"5f7cac1adf5d6c6306f4b283","providerName":"AWS","status":"RESERVATION_REQUESTED"}""",
        ServerlessTenantEndpoint.class);
    ServerlessTenantEndpoint azure = mapper.readValue("""
        {"_id":"5f7cac1adf5d6c6306f4b284","providerName":"AZURE","status":"RESERVED",
         "privateEndpointIpAddress":"10.0.0.9","privateLinkServiceResourceId":"/subscriptions/x/pls"}""",
        ServerlessTenantEndpoint.class);

    assertThat(aws).isExactlyInstanceOf(ServerlessAWSTenantEndpoint.class);
    assertThat(azure).isInstanceOfSatisfying(ServerlessAzureTenantEndpoint.class,
        e -> assertThat(e.getPrivateEndpointIpAddress()).isEqualTo("10.0.0.9"));
    assertThat(mapper.writeValueAsString(azure)).contains("\"privateEndpointIpAddress\":\"10.0.0.9\"");
  }

  @Test
  void unknownFieldsAreIgnored_andUnknownEnumValuesAreKeptNotFatal() throws IOException {
    EndpointService service = mapper.readValue("""
        {"cloudProvider":"AWS","id":"6a793f68c0eb9e7a17715835","status":"MIGRATING",
         "brandNewField":{"nested":[1,2]},"interfaceEndpoints":[]}""", EndpointService.class);

    assertThat(service).isExactlyInstanceOf(AWSPrivateLinkConnection.class);
    assertThat(service.getStatus()).isEqualTo(EndpointService.StatusEnum.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(service.getUnrecognizedEnumValues()).containsExactly(java.util.Map.entry("status", "MIGRATING"));
  }

  @Test
  void knownEnumValues_recordNothing() throws IOException {
    EndpointService service = mapper.readValue(ContractExamplesTest.example("endpoint-service-aws-live-201.json"),
        EndpointService.class);

    assertThat(service.getUnrecognizedEnumValues()).isEmpty();
  }

  @Test
  void anUnknownProvider_decodesToTheBaseType_notNull() throws IOException {
    EndpointService service = mapper.readValue("""
        {"cloudProvider":"ORACLE","id":"6a793f68c0eb9e7a17715839","regionName":"X","status":"INITIATING"}""",
        EndpointService.class);

    assertThat(service).isExactlyInstanceOf(EndpointService.class);
    assertThat(service.getId()).isEqualTo("6a793f68c0eb9e7a17715839");
    assertThat(service.getCloudProvider()).isEqualTo(CloudProvider.UNKNOWN_DEFAULT_OPEN_API);
    assertThat(service.getUnrecognizedEnumValues()).containsEntry("cloudProvider", "ORACLE");
  }

  @Test
  void createRequests_encodeOnlyTheirOwnProvidersFields() throws IOException {
    var aws = new CreateAWSEndpointRequest().id("vpce-0123456789abcdef0");
    var azure = new CreateAzureEndpointRequest().id("/subscriptions/x/pe-1").privateEndpointIPAddress("10.0.0.4");
    var gcp = new CreateGCPEndpointGroupRequest().endpointGroupName("group-1")
        .gcpProjectId("p-fdeeb3e43b8e733e5ab627b1")
        .endpoints(List.of(new CreateGCPForwardingRuleRequest().endpointName("rule-0").ipAddress("10.1.0.2")));

    assertThat(mapper.readTree(mapper.writeValueAsString(aws)))
        .isEqualTo(mapper.readTree("{\"cloudProvider\":\"AWS\",\"id\":\"vpce-0123456789abcdef0\"}"));
    assertThat(mapper.readTree(mapper.writeValueAsString(azure))).isEqualTo(mapper.readTree(
        "{\"cloudProvider\":\"AZURE\",\"id\":\"/subscriptions/x/pe-1\",\"privateEndpointIPAddress\":\"10.0.0.4\"}"));
    assertThat(mapper.readTree(mapper.writeValueAsString(gcp))).isEqualTo(mapper.readTree("""
        {"cloudProvider":"GCP","endpointGroupName":"group-1","gcpProjectId":"p-fdeeb3e43b8e733e5ab627b1",
         "endpoints":[{"endpointName":"rule-0","ipAddress":"10.1.0.2"}]}"""));
  }

  @Test
  void optionalFieldsLeftUnset_areNotSent() throws IOException {
    var service = new CloudProviderEndpointServiceRequest().providerName(CloudProvider.AWS).region("us-east-1");

    assertThat(mapper.writeValueAsString(service)).isEqualTo("{\"providerName\":\"AWS\",\"region\":\"us-east-1\"}");
    assertThat(mapper.writeValueAsString(new ServerlessTenantCreateRequest())).isEqualTo("{}");
  }

  @Test
  void decodedRequests_roundTripThroughTheBaseType() throws IOException {
    String json = "{\"cloudProvider\":\"AWS\",\"id\":\"vpce-0123456789abcdef0\"}";

    var decoded = mapper.readValue(json, dev.atlasendpoints.generated.model.CreateEndpointRequest.class);

    assertThat(decoded).isExactlyInstanceOf(CreateAWSEndpointRequest.class);
    assertThat(withoutNulls(mapper.valueToTree(decoded))).isEqualTo(mapper.readTree(json));
  }
}
